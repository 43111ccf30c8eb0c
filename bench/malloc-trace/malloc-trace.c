// Diagnosis only (issue 12, docs/constant-memory.md "Eighth pass"): an LD_PRELOAD shim for glibc
// that logs every malloc/calloc/realloc/posix_memalign/aligned_alloc of at least SHIM_MIN bytes
// (default 64 KB) and every free of such a chunk, with time, perf-map offset, thread id, size,
// chunk class (main heap / other arena / own mapping) and a frame-pointer backtrace; it follows
// glibc's dynamic mmap threshold (a freed mapping raises it to its size, up to 32 MiB) and logs
// each raise as a `T` line; a sampler thread appends live bytes per class and malloc_info() to
// <log>.info every second, and copies /tmp/perf-<pid>.map to <log>.perfmap (JS frame names).
// Never loaded by evalgate or its benches. Build and run (x86-64 Linux, glibc):
//   gcc -O1 -fno-omit-frame-pointer -shared -fPIC -o /tmp/malloc-trace.so bench/malloc-trace/malloc-trace.c -lpthread
//   node bench/memory-breakdown.js --cases 100000 --env SHIM_LOG=/tmp/t100 \
//     --env LD_PRELOAD=/tmp/malloc-trace.so --node-flags '--perf-basic-prof --interpreted-frames-native-stack' > /tmp/t100.out
//   python3 bench/malloc-trace/trace-report.py /tmp/t100.<pid> /tmp/t100.out T   (threshold raises)
//   python3 bench/malloc-trace/trace-report.py /tmp/t100.<pid> /tmp/t100.out A   (large allocations by phase/class/site)
//   python3 bench/malloc-trace/trace-report.py /tmp/t100.<pid> /tmp/t100.out L   (live at the statistics peak)
//   python3 bench/malloc-trace/trace-report.py /tmp/t100.<pid> /tmp/t100.out G 'StringTable'  (stacks matching)
//   python3 bench/malloc-trace/arena-timeline.py /tmp/t100.<pid> /tmp/t100.out 1  (arenas over time)
// --perf-basic-prof makes V8 write isolate-*.log files into the working directory; delete them.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <malloc.h>
#include <sys/syscall.h>
#include <stdatomic.h>
#include <sys/stat.h>
static char mappath[64];

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static int logfd = -1;
static size_t MIN = 65536;
static __thread int inhook;
static atomic_long live[3][2]; // [main, nonmain, mmapped][small, large]
static atomic_long thr = 128 * 1024; // simulated mmap threshold
static int started;

static long now_ms(void) { struct timespec ts; clock_gettime(CLOCK_REALTIME, &ts); return ts.tv_sec * 1000L + ts.tv_nsec / 1000000; }
static int cls(void *p) { size_t h = ((size_t *)p)[-1]; if (h & 2) return 2; if (h & 4) return 1; return 0; }
static size_t csz(void *p) { return ((size_t *)p)[-1] & ~(size_t)7; }
static void *arena_of(void *p) { if (cls(p) != 1) return 0; uintptr_t c = (uintptr_t)p - 16; return *(void **)(c & ~((uintptr_t)64 * 1024 * 1024 - 1)); }

static void emit(const char *op, void *p, size_t req, void *old) {
  char buf[2048];
  struct stat st; long msz = -1; if (stat(mappath, &st) == 0) msz = st.st_size;
  int n = snprintf(buf, sizeof buf, "%ld %ld %s %ld %zu %p %zu %d %p %p bt", now_ms(), msz, op, (long)syscall(SYS_gettid), req, p, p ? csz(p) : 0, p ? cls(p) : -1, p ? arena_of(p) : 0, old);
  uintptr_t *fp = __builtin_frame_address(0);
  for (int i = 0; i < 24 && fp; i++) {
    uintptr_t ret = fp[1];
    n += snprintf(buf + n, sizeof buf - n, " %lx", (unsigned long)ret);
    uintptr_t *next = (uintptr_t *)fp[0];
    if (next <= fp || (uintptr_t)next - (uintptr_t)fp > (1 << 22) || ((uintptr_t)next & 7)) break;
    fp = next;
  }
  buf[n++] = '\n';
  if (logfd >= 0) write(logfd, buf, n);
}

static void account(void *p, int sign) {
  if (!p) return;
  size_t s = csz(p);
  atomic_fetch_add(&live[cls(p)][s >= MIN], sign * (long)s);
}

static void *sampler(void *arg) {
  (void)arg;
  char path[256];
  snprintf(path, sizeof path, "%s.info", getenv("SHIM_LOG"));
  for (;;) {
    sleep(1);
    inhook = 1;
    FILE *f = fopen(path, "a");
    if (f) {
      fprintf(f, "<sample t=\"%ld\" live_main_small=\"%ld\" live_main_large=\"%ld\" live_nonmain_small=\"%ld\" live_nonmain_large=\"%ld\" live_mmap=\"%ld\" thr=\"%ld\"/>\n", now_ms(),
              atomic_load(&live[0][0]), atomic_load(&live[0][1]), atomic_load(&live[1][0]), atomic_load(&live[1][1]), atomic_load(&live[2][0]) + atomic_load(&live[2][1]), atomic_load(&thr));
      malloc_info(0, f);
      fclose(f);
    }
    char src[64], dst[300];
    snprintf(src, sizeof src, "/tmp/perf-%d.map", getpid());
    snprintf(dst, sizeof dst, "%s.perfmap", getenv("SHIM_LOG"));
    int in = open(src, O_RDONLY);
    if (in >= 0) {
      int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      char b[65536]; ssize_t k;
      while (out >= 0 && (k = read(in, b, sizeof b)) > 0) write(out, b, k);
      if (out >= 0) close(out);
      close(in);
    }
    inhook = 0;
  }
  return 0;
}

__attribute__((constructor)) static void init(void) {
  const char *f = getenv("SHIM_LOG");
  if (!f) return;
  char path[256];
  snprintf(path, sizeof path, "%s.%d", f, getpid());
  snprintf(mappath, sizeof mappath, "/tmp/perf-%d.map", getpid());
  logfd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (getenv("SHIM_MIN")) MIN = strtoul(getenv("SHIM_MIN"), 0, 10);
  setenv("SHIM_LOG", path, 1);
  started = 1;
  pthread_t t;
  inhook = 1;
  pthread_create(&t, 0, sampler, 0);
  inhook = 0;
}

void *malloc(size_t n) {
  void *p = __libc_malloc(n);
  if (started && !inhook) { inhook = 1; account(p, 1); if (n >= MIN) emit("M", p, n, 0); inhook = 0; }
  return p;
}
void *calloc(size_t a, size_t b) {
  void *p = __libc_calloc(a, b);
  if (started && !inhook) { inhook = 1; account(p, 1); if (a * b >= MIN) emit("C", p, a * b, 0); inhook = 0; }
  return p;
}
void free(void *p) {
  if (!p) return;
  if (started && !inhook) {
    inhook = 1;
    size_t s = csz(p);
    if (cls(p) == 2) {
      long t = atomic_load(&thr);
      if ((long)s > t && s <= 32 * 1024 * 1024) { atomic_store(&thr, (long)s); emit("T", p, s, 0); }
    }
    account(p, -1);
    if (s >= MIN) emit("F", p, s, 0);
    inhook = 0;
  }
  __libc_free(p);
}
void *realloc(void *o, size_t n) {
  if (!started || inhook) return __libc_realloc(o, n);
  inhook = 1;
  size_t os = o ? csz(o) : 0;
  int oc = o ? cls(o) : 0;
  if (o) atomic_fetch_add(&live[oc][os >= MIN], -(long)os);
  inhook = 0;
  void *p = __libc_realloc(o, n);
  inhook = 1;
  if (p) account(p, 1); else if (o && n) atomic_fetch_add(&live[oc][os >= MIN], (long)os);
  if (n >= MIN || os >= MIN) emit("R", p, n, o);
  inhook = 0;
  return p;
}
int posix_memalign(void **r, size_t al, size_t n) {
  void *p = __libc_memalign(al, n);
  if (!p) return 12;
  *r = p;
  if (started && !inhook) { inhook = 1; account(p, 1); if (n >= MIN) emit("A", p, n, 0); inhook = 0; }
  return 0;
}
void *aligned_alloc(size_t al, size_t n) {
  void *p = __libc_memalign(al, n);
  if (started && !inhook) { inhook = 1; account(p, 1); if (n >= MIN) emit("A", p, n, 0); inhook = 0; }
  return p;
}
void *memalign(size_t al, size_t n) { return aligned_alloc(al, n); }

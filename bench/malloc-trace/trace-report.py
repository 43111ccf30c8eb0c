# Reads a bench/malloc-trace/malloc-trace.c log (see its header for how to run) with the
# memory-breakdown output of the same run (phase bounds from its `timings ... startedAt` line)
# and prints threshold raises (T), large allocations by phase/class/call site (A), what is live
# at the statistics peak (L) or the stacks matching a pattern (G). Native frames are named with
# addr2line on /usr/bin/node (not stripped), JS frames from the perf map as it was at each event.
import sys, re, bisect, subprocess, collections, json
base = sys.argv[1]            # e.g. /tmp/glibc-diag/r20.24612
out = open(sys.argv[2]).read()  # breakdown output
m = re.search(r'timings: (\{.*?\}) startedAt (\d+)', out)
tm = json.loads(m.group(1)); t0 = int(m.group(2))
bounds = []; acc = t0
for k in ['load','index','cases','statistics']:
    if k in tm: bounds.append((k, acc, acc+tm[k])); acc += tm[k]
bounds.append(('reports', acc, 1e18))
def phase(t):
    if t < t0: return 'startup'
    for k,a,b in bounds:
        if a <= t < b: return k
    return '?'
# perf map
pm = []; off = 0
for line in open(base + '.perfmap', 'rb'):
    end = off + len(line); off = end
    a, s, name = line.decode('utf8','replace').rstrip('\n').split(' ', 2)
    pm.append((int(a,16), int(s,16), name, end))
ends = [x[3] for x in pm]
cache = {}
node_addrs = set()
events = []
for line in open(base):
    parts = line.split()
    if len(parts) < 10: continue
    t, msz, op, tid, req, ptr, cs, cl, arena, old = parts[:10]
    bt = [(a, int(msz)) for a in parts[11:]]
    events.append((int(t), op, int(tid), int(req), ptr, int(cs), int(cl), arena, old, bt))
    for a, _ in bt:
        v = int(a,16)
        if v < 0x4000000: node_addrs.add(a)
# addr2line batch
addrs = sorted(node_addrs)
res = subprocess.run(['addr2line','-f','-C','-e','/usr/bin/node'] + ['0x'+a for a in addrs], capture_output=True, text=True).stdout.split('\n')
for i,a in enumerate(addrs): cache[a] = res[2*i][:90]
def sym(x):
    a, msz = x
    if a in cache: return cache[a]
    k = bisect.bisect_right(ends, msz) if msz >= 0 else len(pm)
    key = (a, k)
    if key in cache: return cache[key]
    v = int(a,16)
    r = None
    for st, sz, name, end in reversed(pm[:k]):
        if st <= v < st + sz: r = 'JS:' + name[:90]; break
    if r is None: r = 'lib:' + a if v > 0x7f0000000000 else '?' + a
    cache[key] = r
    return r
SKIP = re.compile(r'^(lib:|Builtins_(Call|Construct|JSEntry|InterpreterEntryTrampoline|ArgumentsAdaptor|JSBuiltinsConstruct)|v8::internal::(Execution|\(anonymous namespace\)::Invoke)|Builtins_.*Trampoline)')
def sig(bt, n=6, js_only=False):
    s = [sym(a) for a in bt]
    if js_only:
        j = [x for x in s if x.startswith('JS:')]
        return ' < '.join(j[:n]) if j else ' < '.join(s[:n])
    return ' < '.join(x for x in s[:n])
CL = {0:'main',1:'nonmain',2:'mmap'}
mode = sys.argv[3] if len(sys.argv) > 3 else 'all'
if mode in ('all','T'):
    print('== mmap threshold raises (simulated)')
    for e in events:
        if e[1] == 'T':
            print(f'{phase(e[0])} +{(e[0]-t0)/1000:.1f}s tid {e[2]} size {e[3]/1024:.0f} KB')
            print('   ', sig(e[9], 14))
if mode in ('all','A'):
    print('== allocations >= 64KB by phase, class, site (count, MB, live-at-end count)')
    live = {}
    agg = collections.defaultdict(lambda: [0,0,0,set()])
    for e in events:
        t, op, tid, req, ptr, cs, cl, arena, old, bt = e
        if op in 'MCAR' and ptr != '(nil)':
            key = (phase(t), CL[cl], sig(bt, 8, True))
            a = agg[key]; a[0]+=1; a[1]+=cs; a[3].add(tid)
            live[ptr] = key
        if op == 'F' or (op == 'R' and old != '(nil)'):
            p = ptr if op == 'F' else old
            k = live.pop(p, None)
    for k in live.values(): agg[k][2] += 1
    for k, v in sorted(agg.items(), key=lambda kv: -kv[1][1])[:60]:
        print(f'{k[0]:10} {k[1]:7} n={v[0]:6} {v[1]/2**20:8.1f} MB liveEnd={v[2]:4} tids={sorted(v[3])[:4]}\n      {k[2]}')
if mode == 'G':
    pat = sys.argv[4]
    for e in events:
        if e[1] in 'MCAR':
            s = [sym(a) for a in e[9]]
            if any(pat in x for x in s):
                print(phase(e[0]), f'+{(e[0]-t0)/1000:.1f}s', e[1], e[3], CL.get(e[6]))
                print('   ', ' < '.join(x[:70] for x in s[:16]))
if mode == 'L':
    # live large allocations (any class) at time of maximum live main+nonmain large bytes within statistics/reports
    live = {}; cur = 0; best = (0, None, None)
    for e in events:
        t, op, tid, req, ptr, cs, cl, arena, old, bt = e
        if op in 'MCA' and ptr != '(nil)':
            live[ptr] = e; cur += cs
        elif op == 'R':
            if old != '(nil)' and old in live: cur -= live.pop(old)[5]
            if ptr != '(nil)': live[ptr] = e; cur += cs
        elif op == 'F' and ptr in live:
            cur -= live.pop(ptr)[5]
        if phase(t) in ('statistics',) and cur > best[0]: best = (cur, t, dict(live))
    cur, t, snap = best
    print(f'max live >=64KB at +{(t-t0)/1000:.1f}s: {cur/2**20:.1f} MB')
    agg = collections.defaultdict(lambda: [0,0])
    for e in snap.values():
        k = (CL[e[6]], phase(e[0]), sig(e[9], 5, True)); agg[k][0]+=1; agg[k][1]+=e[5]
    for k,v in sorted(agg.items(), key=lambda kv:-kv[1][1])[:25]:
        print(f'{v[1]/2**20:6.1f} MB n={v[0]:3} {k[0]} {k[1]}\n     {k[2][:400]}')

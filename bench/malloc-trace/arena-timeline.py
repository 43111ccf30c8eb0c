# Per-second timeline from a malloc-trace <log>.info file: live bytes in the main heap, in other
# arenas and in mappings, the followed mmap threshold, and each arena's size / free MB
# (malloc_info). Usage: arena-timeline.py <log> <memory-breakdown output> [every n-th sample].
import re, sys, json
base, outp = sys.argv[1], sys.argv[2]
out = open(outp).read()
m = re.search(r'timings: (\{.*?\}) startedAt (\d+)', out)
tm = json.loads(m.group(1)); t0 = int(m.group(2))
txt = open(base + '.info').read()
step = int(sys.argv[3]) if len(sys.argv) > 3 else 5
samples = re.split(r'(?=<sample )', txt)[1:]
print('t(s) | live main small/large | nonmain small/large | mmap | thr KB || per arena: cur MB / free MB')
for i, s in enumerate(samples):
    if i % step: continue
    a = dict(re.findall(r'(\w+)="(\d+)"', s.split('\n')[0]))
    heaps = re.findall(r'<heap nr="(\d+)">(.*?)</heap>', s, re.S)
    ar = []
    for nr, body in heaps:
        cur = int(re.search(r'<system type="current" size="(\d+)"', body).group(1))
        rest = int(re.search(r'<total type="rest" count="\d+" size="(\d+)"', body).group(1))
        fast = int(re.search(r'<total type="fast" count="\d+" size="(\d+)"', body).group(1))
        ar.append(f'{nr}:{cur/2**20:.0f}/{(rest+fast)/2**20:.0f}')
    M = lambda k: int(a[k])/2**20
    print(f"{(int(a['t'])-t0)/1000:6.1f} | {M('live_main_small'):5.1f} {M('live_main_large'):5.1f} | {M('live_nonmain_small'):5.1f} {M('live_nonmain_large'):5.1f} | {M('live_mmap'):5.1f} | {int(a['thr'])//1024:5} || " + ' '.join(ar))
print('timings', tm)

import re
from collections import Counter, defaultdict
LOG = """2024-03-01 08:15:02 INFO  api     GET /users 200 12ms
2024-03-01 08:15:07 WARN  api     GET /users/9 404 3ms
2024-03-01 09:01:44 ERROR db      timeout after 5000ms
2024-03-01 09:02:10 INFO  api     POST /orders 201 48ms
2024-03-01 09:30:00 ERROR api     POST /orders 500 120ms
2024-03-01 10:00:01 INFO  worker  job=sync done in 830ms
garbage line here
"""
pat = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d):\d\d:\d\d (\w+)\s+(\w+)\s+(.*)$")
levels, by_hour, durations, bad = Counter(), defaultdict(list), [], []
for n, line in enumerate(LOG.splitlines(), 1):
    m = pat.match(line)
    if not m:
        bad.append(n); continue
    day, hour, level, comp, msg = m.groups()
    levels[level] += 1
    by_hour[int(hour)].append(comp)
    if (d := re.search(r"(\d+)ms", msg)): durations.append(int(d.group(1)))
print("levels:", dict(levels), levels.most_common(2))
for h in sorted(by_hour):
    comps = Counter(by_hour[h])
    print(f"{h:02d}:00  {len(by_hour[h]):>2} events  " + ", ".join(f"{c}x{k}" for k, c in sorted(comps.items())))
print(f"durations: n={len(durations)} min={min(durations)} max={max(durations)} mean={sum(durations)/len(durations):.1f}")
print("unparsed lines:", bad)
errors = [l for l in LOG.splitlines() if " ERROR " in l]
print(*[e.split(None, 4)[-1] for e in errors], sep="\n")
status = Counter(int(s) // 100 * 100 for s in re.findall(r" (\d{3}) ", LOG))
print(sorted(status.items()))

# Dict-heavy work: word counts, grouping, nested dicts, get/setdefault, items().
N = 200000  # quick: 20000

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "fu"]


def words(n):
    seed = 7
    out = []
    for _ in range(n):
        seed = (seed * 69069 + 1) % 4294967296
        k = 1 + (seed >> 8) % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % 10]
            s //= 10
        out.append(w)
    return out


ws = words(N)
counts = {}
for w in ws:
    counts[w] = counts.get(w, 0) + 1
by_first = {}
for w, c in counts.items():
    by_first.setdefault(w[:2], []).append((c, w))
by_len = {}
for w in ws:
    d = by_len.get(len(w))
    if d is None:
        d = by_len[len(w)] = {}
    d[w[-2:]] = d.get(w[-2:], 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
summary = {k: max(v)[1] for k, v in by_first.items()}
merged = {}
for k in sorted(by_len):
    for suffix, c in by_len[k].items():
        merged[suffix] = merged.get(suffix, 0) + c * k
print(len(counts), top)
print(sorted(summary.items())[:4], sorted(merged.items())[:4])
print(sum(1 for w in counts if w in summary.values()), "kamilo" in counts)

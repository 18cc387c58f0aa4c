from collections import defaultdict, Counter, OrderedDict
records = [("fruit", "apple"), ("veg", "kale"), ("fruit", "pear"), ("veg", "leek"), ("nut", "pecan")]
groups = defaultdict(list)
for kind, name in records:
    groups[kind].append(name)
print(dict(groups))
print({k: len(v) for k, v in groups.items()})
counts = Counter(kind for kind, _ in records)
print(counts, counts.most_common(1)[0])
od = OrderedDict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(od, list(od.keys()))
inv = defaultdict(set)
for kind, name in records:
    inv[name[0]].add(kind)
print(sorted((k, sorted(v)) for k, v in inv.items()))

from collections import defaultdict, Counter
orders = [
    {"id": 1, "customer": "alice", "items": [{"sku": "A", "qty": 2, "price": 9.99}, {"sku": "B", "qty": 1, "price": 24.5}], "status": "shipped"},
    {"id": 2, "customer": "bob", "items": [{"sku": "A", "qty": 1, "price": 9.99}], "status": "pending"},
    {"id": 3, "customer": "alice", "items": [], "status": "cancelled"},
    {"id": 4, "customer": "carol", "items": [{"sku": "C", "qty": 10, "price": 0.1}], "status": "shipped"},
]
totals = defaultdict(float)
for o in orders:
    totals[o["customer"]] += sum(i["qty"] * i["price"] for i in o["items"])
print(dict(totals))
print(totals)
for name, t in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{name:<10}{t:>10.2f}")
by_status = {}
for o in orders:
    by_status.setdefault(o["status"], []).append(o["id"])
print(by_status)
c = Counter(i["sku"] for o in orders for i in o["items"])
print(c, c.most_common(1), c["Z"])
skus = {i["sku"] for o in orders for i in o["items"]}
print(sorted(skus), len(skus))
flat = [(o["id"], i["sku"]) for o in orders for i in o["items"] if i["qty"] > 1]
print(flat)
report = "\n".join(f"#{o['id']:03d} {o['customer'].title():8} {len(o['items'])} item{'s' if len(o['items']) != 1 else ''}" for o in orders)
print(report)
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {**inv, 3: "c"}, dict(zip("abc", range(3))), dict([("x", 1)], y=2))
a = {"x": 1, "y": 2}; b = {"y": 3, "z": 4}
print(a | b, a.keys() & b.keys(), a.keys() - b.keys(), a.keys() | b.keys(), a.items() & {("x", 1)})
s1, s2 = {1, 2, 3}, {2, 3, 4}
print(s1 & s2, s1 | s2, s1 - s2, s1 ^ s2, s1 <= s2, {1} < s1, s1.isdisjoint({9}), frozenset(s1) | s2, s2 | frozenset(s1))
d = {"b": 1, "a": 2, "c": 3}
del d["b"]; d["b"] = 4
print(d, list(d), d.pop("zz", None), d.get("a"), sorted(d, key=d.get, reverse=True))
print(max(d.items(), key=lambda kv: kv[1]), min(d, key=len), max([], default="empty"), max(3, 1, 2), min("abc"))
print(Counter("mississippi").most_common(), Counter(a=1) + Counter(a=2, b=1))

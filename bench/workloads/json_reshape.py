# JSON reshape of a multi-megabyte nested document: generate it deterministically, dump it,
# parse it back, filter, group, aggregate, and dump the summary.
import json

N = 6000  # quick: 600

REGIONS = ["north", "south", "east", "west", "central"]
STATUS = ["paid", "pending", "refunded", "shipped"]
SKUS = [f"sku-{i:03d}" for i in range(40)]
LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor " * 8


def lcg(state):
    return (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616


def make_orders(n):
    s = 2024
    orders = []
    for i in range(n):
        s = lcg(s)
        items = []
        for j in range(1 + (s >> 33) % 5):
            s = lcg(s)
            items.append({
                "sku": SKUS[(s >> 20) % 40],
                "qty": 1 + (s >> 40) % 4,
                "price": ((s >> 12) % 10000) / 100,
                "tags": [f"t{(s >> k) % 9}" for k in (3, 11, 19)],
            })
        orders.append({
            "id": f"ord-{i:06d}",
            "customer": {"id": (s >> 24) % 800, "region": REGIONS[(s >> 7) % 5],
                         "vip": (s >> 50) % 7 == 0},
            "status": STATUS[(s >> 44) % 4],
            "items": items,
            "note": None if i % 3 else "gift wrap, please \u2713",
            "desc": LOREM[i % 97:i % 97 + 200 + (s >> 30) % 200],
        })
    return {"version": 3, "orders": orders}


text = json.dumps(make_orders(N))
doc = json.loads(text)
by_region = {}
for o in doc["orders"]:
    if o["status"] == "refunded":
        continue
    total = 0.0
    for it in o["items"]:
        total += it["qty"] * it["price"]
    r = by_region.setdefault(o["customer"]["region"], {"orders": 0, "revenue": 0.0, "skus": {},
                                                       "vip": 0, "customers": set()})
    r["orders"] += 1
    r["revenue"] += total
    if o["customer"]["vip"]:
        r["vip"] += 1
    r["customers"].add(o["customer"]["id"])
    for it in o["items"]:
        r["skus"][it["sku"]] = r["skus"].get(it["sku"], 0) + it["qty"]
summary = []
for name in sorted(by_region):
    r = by_region[name]
    top = sorted(r["skus"].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    summary.append({"region": name, "orders": r["orders"], "revenue": round(r["revenue"], 2),
                    "vip": r["vip"], "customers": len(r["customers"]), "top": top})
out = json.dumps({"regions": summary, "source_bytes": len(text)}, indent=2, sort_keys=True)
print(len(text), len(out))
print(out)

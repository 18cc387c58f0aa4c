# Reshape orders (bound by the host as `data`) into a per-customer summary.
summary = {}
for order in data:
    c = summary.setdefault(order["customer"], {"orders": 0, "total": 0.0, "skus": {}})
    c["orders"] += 1
    c["total"] = round(c["total"] + order["total"], 2)
    for item in order["items"]:
        c["skus"][item["sku"]] = c["skus"].get(item["sku"], 0) + item["qty"]
{name: summary[name] for name in sorted(summary, key=lambda n: -summary[n]["total"])}

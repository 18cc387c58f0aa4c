import json
def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.update(flatten(v, f"{prefix}[{i}]"))
    else:
        out[prefix] = obj
    return out
def unflatten(flat):
    root = {}
    for key, value in flat.items():
        parts = key.replace("[", ".").replace("]", "").split(".")
        cur = root
        for p, nxt in zip(parts, parts[1:]):
            cur = cur.setdefault(p, {})
        cur[parts[-1]] = value
    return root
doc = {"user": {"name": "Ada", "tags": ["x", "y"], "address": {"city": "London", "zip": None}}, "active": True, "score": 9.5}
flat = flatten(doc)
for k in sorted(flat): print(f"{k:<22} = {flat[k]!r}")
print(json.dumps(unflatten(flat), indent=2, sort_keys=True))
print(json.dumps(flat, separators=(",", ":")))

# expect: ok
# stdout: ^50000 3 50000 ok\n
# The decoder shares one str per repeated key during a parse; collections
# forced mid-parse (by a parse_float hook that allocates) must never free a
# shared key, and object hooks that drop the dicts turn the sharing off.
import json
doc = "[" + ",".join('{"id": %d, "price": %d.5, "k%d": 1}' % (i, i, i % 1000)
                     for i in range(50000)) + "]"
junk = []
def pf(s):
    junk.append([0] * 50)
    if len(junk) > 200:
        junk.clear()
    return float(s)
x = json.loads(doc, parse_float=pf)
keys = {k for d in x[:3] for k in list(d)[:2]}
dropped = json.loads(doc, object_hook=lambda d: len(d))
assert all(x[i]["price"] == i + 0.5 and x[i]["k%d" % (i % 1000)] == 1 for i in range(0, 50000, 997))
print(len(x), len(keys) + 1, len(dropped), "ok")

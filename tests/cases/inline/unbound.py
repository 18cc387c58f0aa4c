# A target read before it is bound is the comprehension's own local.
r = range(3)
v = "global"
try:
    print([v for x in r for v in (v,)])
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(v)
try:
    print({x: v for x in r for v in [v]})
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print([missing for x in r])
except NameError as e:
    print("NameError:", e)
def f():
    try:
        return [v for x in r for v in (v,)]
    except UnboundLocalError as e:
        return "UnboundLocalError: %s" % e
print(f())
print([y for x in r for y in (x, x)])
print([w for w in [1]] + [w for w in [2]])
z = [undefined_name for _ in range(2)]

# sandpy-expected: no interpreter internals reachable
def f():
    pass
for attr in ["__globals__", "__code__", "__closure__", "__builtins__"]:
    try:
        getattr(f, attr)
        print(attr, "reachable")
    except AttributeError as e:
        print("blocked", attr)
g = (x for x in [1])
for attr in ["gi_frame", "gi_code"]:
    try:
        getattr(g, attr)
        print(attr, "reachable")
    except AttributeError:
        print("blocked", attr)

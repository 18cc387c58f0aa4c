class E: pass
for f, name in [(lambda: -E(), "neg"), (lambda: +E(), "pos"), (lambda: ~E(), "inv"), (lambda: abs(E()), "abs")]:
    try:
        f()
    except TypeError as e:
        print(name, e)
for f in [lambda: E() + 1, lambda: E() ** 2, lambda: E() @ E(), lambda: E() < E()]:
    try:
        f()
    except TypeError as e:
        print(e)

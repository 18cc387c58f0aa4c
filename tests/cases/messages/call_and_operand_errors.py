def f(a, b): return a + b
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, 2, a=3)]:
    try: call()
    except TypeError as e: print(e)
def g(*, k): pass
try: g(1)
except TypeError as e: print(e)
try: g()
except TypeError as e: print(e)
def h(a, /, b): pass
try: h(a=1, b=2)
except TypeError as e: print(e)
try: len()
except TypeError as e: print(e)
try: len(1, 2)
except TypeError as e: print(e)
try: len(5)
except TypeError as e: print(e)
try: int("abc")
except ValueError as e: print(e)
try: int("1.5")
except ValueError as e: print(e)
try: float("x")
except ValueError as e: print(e)
try: int(None)
except TypeError as e: print(e)
try: float([])
except TypeError as e: print(e)
try: abs("x")
except TypeError as e: print(e)
try: sum(["a", "b"])
except TypeError as e: print(e)
try: sum([1, "b"])
except TypeError as e: print(e)
try: max([])
except ValueError as e: print(e)
try: min(1)
except TypeError as e: print(e)
try: sorted([1, "a"])
except TypeError as e: print(e)
try: "a" + 1
except TypeError as e: print(e)
try: 1 + "a"
except TypeError as e: print(e)
try: [1] + (2,)
except TypeError as e: print(e)
try: "x" * "y"
except TypeError as e: print(e)
try: None + 1
except TypeError as e: print(e)
try: -"a"
except TypeError as e: print(e)
try: ~1.5
except TypeError as e: print(e)
try: 1 < "a"
except TypeError as e: print(e)
try: [1] < (1,)
except TypeError as e: print(e)
try: None < None
except TypeError as e: print(e)
try: {}[[1]]
except TypeError as e: print(e)
try: {[1]: 2}
except TypeError as e: print(e)
try: set([{}])
except TypeError as e: print(e)
try: hash([])
except TypeError as e: print(e)

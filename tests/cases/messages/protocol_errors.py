for v in [1, None, 1.5, True, len]:
    try:
        for x in v: pass
    except TypeError as e: print(e)
for v in [1, None, "s", [1]]:
    try: v()
    except TypeError as e: print(e)
for v in [1, None, len]:
    try: v[0]
    except TypeError as e: print(e)
for v in [1, None, (1,), "s", len]:
    try: v[0] = 1
    except TypeError as e: print(e)
for v in [(1,), "s", 5]:
    try: del v[0]
    except TypeError as e: print(e)
try: a, b = 1
except TypeError as e: print(e)
try: a, b = [1, 2, 3]
except ValueError as e: print(e)
try: a, b, c = [1, 2]
except ValueError as e: print(e)
try: a, *b, c = [1]
except ValueError as e: print(e)
try: [1, 2].foo
except AttributeError as e: print(e)
try: "s".foo()
except AttributeError as e: print(e)
try: None.x
except AttributeError as e: print(e)
try: (1).real = 5
except AttributeError as e: print(e)
try: [][0]
except IndexError as e: print(e)
try: ()[0]
except IndexError as e: print(e)
try: ""[0]
except IndexError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: [1].pop(5)
except IndexError as e: print(e)
try: {}.popitem()
except KeyError as e: print(e)
try: {}["k"]
except KeyError as e: print(repr(e), e, e.args)
try: {}[("a", 1)]
except KeyError as e: print(repr(e), e)
try: set().pop()
except KeyError as e: print(e)
try: {1}.remove(2)
except KeyError as e: print(e)
try: [1].remove(2)
except ValueError as e: print(e)
try: [1].index(2)
except ValueError as e: print(e)
try: "abc".index("z")
except ValueError as e: print(e)
try: (1,).index(2)
except ValueError as e: print(e)
try: 1/0
except ZeroDivisionError as e: print(e)
try: 1//0
except ZeroDivisionError as e: print(e)
try: 1%0
except ZeroDivisionError as e: print(e)
try: 1.0/0
except ZeroDivisionError as e: print(e)
try: 1.0//0
except ZeroDivisionError as e: print(e)
try: 1.0%0
except ZeroDivisionError as e: print(e)
try: divmod(1, 0)
except ZeroDivisionError as e: print(e)
try: 0 ** -1
except ZeroDivisionError as e: print(e)
try: 0.0 ** -1
except ZeroDivisionError as e: print(e)
try: 10 ** 400 * 1.0
except OverflowError as e: print(e)
try: float(10**400)
except OverflowError as e: print(e)
try: 2.0 ** 10000
except OverflowError as e: print(e)
try: int(float("inf"))
except OverflowError as e: print(e)
try: int(float("nan"))
except ValueError as e: print(e)
try: chr(-1)
except ValueError as e: print(e)
try: ord("ab")
except TypeError as e: print(e)
try: x = undefined_name
except NameError as e: print(e)
def f():
    print(y)
    y = 1
try: f()
except UnboundLocalError as e: print(e)

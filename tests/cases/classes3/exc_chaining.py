class Wrapped(Exception): pass
def load():
    try:
        {}["k"]
    except KeyError as e:
        raise Wrapped("load failed") from e
try:
    load()
except Wrapped as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        raise Wrapped("a")
    except Wrapped:
        raise ValueError("b")
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__)

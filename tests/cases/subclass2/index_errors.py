import operator
class NI:
    def __index__(self): return "no"
for f in (hex, lambda v: [1][v], lambda v: range(v), operator.index, lambda v: "a" * v):
    try:
        f(NI())
    except TypeError as e:
        print(e)
class Big:
    def __index__(self): return 10 ** 30
try:
    [1, 2][Big()]
except IndexError as e:
    print(e)
try:
    "ab" * Big()
except OverflowError as e:
    print(e)
print(hex(Big()), oct(Big()))
class NoIdx:
    pass
try:
    "ab" * NoIdx()
except TypeError as e:
    print(e)

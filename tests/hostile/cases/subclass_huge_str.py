# huge payloads through subclass constructors: clean MemoryError
# limits: --max-memory=50000000 --max-duration=10
# expect: MemoryError
class S(str):
    pass
class T(tuple):
    pass
s = S("x" * 1000)
t = T(range(10))
big = S(s * 100000)
print(len(big))
T(range(10 ** 8))

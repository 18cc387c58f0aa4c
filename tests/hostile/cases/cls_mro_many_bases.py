# a class with many bases and a deep hierarchy: bounded time and memory
# limits: --max-duration=5 --max-memory=100000000
# expect: ok
bases = []
for i in range(300):
    bases.append(type("B%d" % i, tuple(reversed(bases[-3:])), {}))
class Top(*reversed(bases[-50:])):
    pass
print(len(Top.__mro__))

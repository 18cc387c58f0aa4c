# a deep ABC chain (C3 over 3000 bases is slow) with a registered virtual
# subclass: a clean RecursionError or TimeoutError, never a crash
# limits: --max-memory=100000000 --max-duration=3
# expect: ok|RecursionError|TimeoutError
from abc import ABC
class A(ABC):
    pass
prev = A
for i in range(3000):
    prev = type('X%d' % i, (prev,), {})
class V:
    pass
prev.register(V)
print(isinstance(V(), A))

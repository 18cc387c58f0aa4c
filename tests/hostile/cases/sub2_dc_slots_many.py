# many dataclass(slots=True) classes and instances: bounded memory
# limits: --max-memory=80000000 --max-duration=10
# expect: ok
from dataclasses import dataclass
for i in range(300):
    @dataclass(slots=True)
    class P:
        x: int
        y: int = i
    ps = [P(j) for j in range(100)]
print(ps[-1])

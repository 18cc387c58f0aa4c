from enum import Enum, IntEnum
class State(Enum):
    IDLE = 0
    RUN = 1
    DONE = 2
total = 0
for i in range(20000):
    s = State(i % 3)
    if s is State.RUN:
        total += s.value
    elif s == State.DONE:
        total += 2
print(total, State.IDLE.name)
class P(IntEnum):
    A = 1
print(sum(P.A for _ in range(10000)))

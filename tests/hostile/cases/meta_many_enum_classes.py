# building enum classes in a loop stays within memory and time limits
# limits: --max-memory=100000000 --max-duration=10
# expect: ok
from enum import Enum, Flag, auto
for i in range(300):
    class E(Enum):
        A = auto()
        B = auto()
        C = i
    class F(Flag):
        R = 4
        W = 2
    assert E(i) is E.C and (F.R | F.W).value == 6
print("ok")

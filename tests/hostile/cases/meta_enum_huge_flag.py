# a Flag with a huge bit (2**100000) and the boundary checks stay bounded
# limits: --max-memory=100000000 --max-duration=10
# expect: ok|ValueError
from enum import Flag
class F(Flag):
    A = 1
    B = 2 ** 100000
x = F.A | F.B
print(len(str(x.value)) > 0)
F(3)

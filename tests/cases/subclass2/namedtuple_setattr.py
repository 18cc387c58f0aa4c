from typing import NamedTuple
from collections import namedtuple
class P(NamedTuple):
    x: int
    y: int = 0
p = P(1)
try:
    p.x = 3
except AttributeError as e:
    print(e)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    del p.x
except AttributeError as e:
    print(e)
N = namedtuple('N', 'a b')
n = N(1, 2)
try:
    n.a = 3
except AttributeError as e:
    print(e)
print(p, p._replace(x=5), P._fields)

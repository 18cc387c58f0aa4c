import copy
from enum import Enum, IntEnum
class C(Enum):
    A = 1
    B = 2
print(copy.copy(C.A) is C.A, copy.deepcopy([C.B])[0] is C.B)
print(hash(C.A) == hash("A"), C.A.__reduce_ex__(2))
class I(IntEnum):
    X = 5
print(hash(I.X) == hash(5), {I.X: 1}[5], C.A.__class__.__name__, type(C.__members__).__name__)
print(sorted(C.__members__), C.A.__objclass__)

from enum import Enum, auto, StrEnum
class Ordinal(Enum):
    NORTH = auto()
    SOUTH = auto()
    EAST = 10
    WEST = auto()
print(list(Ordinal))
class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    A = auto()
    B = auto()
print([m.value for m in Lower])
class Pair(Enum):
    X = auto(), "x"
    Y = auto(), "y"
print(Pair.X.value, Pair.Y.value)
class S(StrEnum):
    ALPHA = auto()
    BETA = auto()
print(list(S), S.ALPHA == "alpha")

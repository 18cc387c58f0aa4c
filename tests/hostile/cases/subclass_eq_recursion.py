# an int subclass whose __eq__ compares itself: RecursionError, not a C stack overflow
# limits: --max-duration=10
# expect: RecursionError
class I(int):
    def __eq__(self, other):
        return self == other
    __hash__ = int.__hash__
I(1) == 1

# an __index__ that indexes with itself
# limits: --max-memory=100000000 --max-duration=10
# expect: RecursionError
class X:
    def __index__(self):
        return [1, 2][self]
hex(X())

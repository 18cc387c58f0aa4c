# a tuple subclass built from a huge range: MemoryError before allocating
# limits: --max-memory=50000000 --max-duration=10
# expect: MemoryError
class T(tuple):
    def __new__(cls, n):
        return super().__new__(cls, range(n))
T(10 ** 9)

# list(x) on a list subclass whose __iter__ never ends: the memory limit fires
# limits: --max-memory=50000000 --max-duration=10
# expect: MemoryError|TimeoutError
class L(list):
    def __iter__(self):
        while True:
            yield 1
list(L())

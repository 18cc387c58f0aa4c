# __dir__ returning an endless iterator
# limits: --max-memory=60000000 --max-duration=3
# expect: MemoryError|TimeoutError
import itertools
class D:
    def __dir__(self):
        return itertools.repeat('a')
dir(D())

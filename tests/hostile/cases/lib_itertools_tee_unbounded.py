# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
import itertools
a, b = itertools.tee(itertools.count())
for x in a:
    pass

# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
import itertools
list(itertools.repeat(0, 10**12))

# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
import itertools
list(itertools.islice(itertools.count(), 10**12))

# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError
import itertools
itertools.product([1, 2], repeat=10**12)

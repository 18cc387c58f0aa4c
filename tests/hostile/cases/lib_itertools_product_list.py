# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
import itertools
list(itertools.product(range(100), repeat=6))

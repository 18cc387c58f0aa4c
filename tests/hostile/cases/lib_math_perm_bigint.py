# limits: --max-duration=1 --max-memory=64000000
# expect: TimeoutError|MemoryError|ok
import math
math.perm(10**5000, 10**6)

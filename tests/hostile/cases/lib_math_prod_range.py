# limits: --max-duration=0.5 --max-memory=64000000
# expect: TimeoutError|MemoryError|ok
import math
math.prod(range(1, 10**7))

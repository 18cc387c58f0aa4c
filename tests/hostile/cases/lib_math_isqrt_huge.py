# limits: --max-duration=1 --max-memory=64000000
# expect: TimeoutError|MemoryError|ok
import math
math.isqrt(1 << 20000000)

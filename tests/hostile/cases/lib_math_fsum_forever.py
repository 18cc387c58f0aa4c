# limits: --max-duration=0.5
# expect: TimeoutError
import math, itertools
math.fsum(itertools.repeat(1.0))

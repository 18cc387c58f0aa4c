# a 200 MB str seed goes through sha512, which polls the clock
# limits: --max-duration=0.2 --max-memory=1000000000
# expect: TimeoutError
import random
random.seed('x' * (200 << 20))

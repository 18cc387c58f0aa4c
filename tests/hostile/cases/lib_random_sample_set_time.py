# a big sample drawn by the set strategy polls the clock
# limits: --max-duration=0.05 --max-memory=1000000000
# expect: TimeoutError|MemoryError
import random
random.sample(range(10**18), 2 * 10**6)

# NaN parameters make the rejection loop endless (in CPython too): it polls
# limits: --max-duration=0.3
# expect: TimeoutError
import random
random.gammavariate(float('nan'), 1.0)

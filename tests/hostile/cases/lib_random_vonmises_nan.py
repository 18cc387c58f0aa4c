# limits: --max-instructions=200000
# expect: TimeoutError
import random
random.vonmisesvariate(0.0, float('nan'))

# limits: --max-duration=0.5
# expect: TimeoutError
import itertools
next(itertools.compress(itertools.count(), itertools.repeat(0)))

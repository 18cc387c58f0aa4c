# limits: --max-duration=0.5
# expect: TimeoutError
import itertools
next(itertools.chain.from_iterable(itertools.repeat([])))

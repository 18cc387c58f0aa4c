# limits: --max-duration=0.5
# expect: TimeoutError
import functools, itertools
functools.reduce(lambda a, b: a, itertools.count())

# limits: --max-duration=0.5
# expect: TimeoutError
import itertools
next(itertools.dropwhile(lambda x: True, itertools.count()))

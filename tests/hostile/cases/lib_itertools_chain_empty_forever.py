# limits: --max-duration=0.5
# expect: TimeoutError|MemoryError
# (each step leaves an exhausted iterator behind; C loops do not collect, so the
#  memory limit may bite first - either way a clean stop)
import itertools
next(itertools.chain.from_iterable(itertools.repeat([])))

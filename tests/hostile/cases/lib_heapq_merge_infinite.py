# limits: --max-duration=0.5
# expect: TimeoutError
import heapq, itertools
for _ in heapq.merge(itertools.count(), itertools.count(), key=lambda x: -x, reverse=True):
    pass

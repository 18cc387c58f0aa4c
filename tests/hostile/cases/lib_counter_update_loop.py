# limits: --max-duration=0.5
# expect: TimeoutError
from collections import Counter
c = Counter()
c.update(i % 1000 for i in range(10**12))

# limits: --max-memory=67108864 --max-duration=2
# expect: MemoryError|TimeoutError
from collections import deque
d = deque(range(1000))
d *= 10**12

# limits: --max-duration=0.5
# expect: TimeoutError
from collections import deque
d = deque(range(10**6))
while True:
    d.rotate(999999)

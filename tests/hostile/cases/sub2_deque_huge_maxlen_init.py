# re-initialising a deque subclass many times, huge iterables through a maxlen window
# limits: --max-memory=60000000 --max-duration=10
# expect: ok
from collections import deque
class W(deque):
    pass
w = W(maxlen=3)
for i in range(2000):
    w.__init__(range(1000), 3)
print(w)
w.__init__(range(10 ** 6), 2)
print(w)

# Each new_child copies the list of maps: a million children is quadratic
# in time and memory, and must stop at the limits.
# limits: --max-memory=67108864 --max-duration=2
# expect: MemoryError|TimeoutError
from collections import ChainMap
cm = ChainMap()
for i in range(10 ** 6):
    cm = cm.new_child({i: i})
print(len(cm))

# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
import copy
x = [[0] * 1000]
while True:
    x = x + copy.deepcopy(x)

# every key stays live in the Counter: MemoryError as before
# limits: --max-memory=16000000
# expect: MemoryError
import collections
c = collections.Counter(map(str, range(10**6)))

# limits: --max-memory=67108864 --max-duration=2
# expect: MemoryError|TimeoutError
from collections import Counter
list(Counter(a=10**12).elements())

# limits: --max-memory=67108864
# expect: MemoryError
import random
random.getrandbits(2**31 - 1)

# limits: --max-memory=67108864
# expect: MemoryError
import random
random.seed(1)
random.randbytes(2**27)

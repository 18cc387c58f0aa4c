# enormous counts: the selection list itself is what cannot fit
# limits: --max-memory=67108864
# expect: MemoryError
import random
random.sample(['a', 'b'], 10**8, counts=[10**17, 10**17])

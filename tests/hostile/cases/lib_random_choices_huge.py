# limits: --max-duration=0.05 --max-memory=1000000000
# expect: TimeoutError|MemoryError
import random
random.choices('ab', k=10**7)

# limits: --max-duration=1
# expect: MemoryError
(1, 2) * 2**61

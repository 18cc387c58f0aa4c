# limits: --max-duration=1
# expect: MemoryError
b'xy' * 10**12

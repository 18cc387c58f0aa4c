# 800 MB of slots against a 64 MiB limit
# limits: --max-memory=67108864
# expect: MemoryError
x = [0] * 10**8

# limits: --max-memory=67108864
# expect: MemoryError
keep = []
n = 1
while True:
    keep.append('y' * n)
    n *= 2

# limits: --max-memory=67108864
# expect: MemoryError
l = [1, 2, 3]
while True:
    l.extend(l)

# limits: --max-memory=67108864
# expect: MemoryError
d = {}
i = 0
while True:
    d[str(i)] = str(i)
    i += 1

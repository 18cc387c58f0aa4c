# limits: --max-memory=67108864
# expect: MemoryError
l = []
i = 0
while True:
    l.append(i)
    i += 1

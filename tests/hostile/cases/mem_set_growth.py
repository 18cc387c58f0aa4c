# limits: --max-memory=67108864
# expect: MemoryError
s = set()
i = 0
while True:
    s.add(i)
    i += 1

# limits: --max-memory=67108864 --max-duration=2
# expect: MemoryError|TimeoutError
l = [1]
for x in l:
    l.append(x)

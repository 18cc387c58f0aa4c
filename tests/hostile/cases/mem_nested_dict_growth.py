# limits: --max-memory=67108864
# expect: MemoryError
d = {}
while True:
    d = {'k': d}

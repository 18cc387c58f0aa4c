# limits: --max-memory=67108864
# expect: MemoryError
l = [0]
while True:
    l *= 2

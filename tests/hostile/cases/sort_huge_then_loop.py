# limits: --max-duration=1 --max-memory=268435456
# expect: TimeoutError|MemoryError
l = [(i * 7919) % 10000019 for i in range(10**7)]
while True:
    l.sort(key=lambda x: -x)

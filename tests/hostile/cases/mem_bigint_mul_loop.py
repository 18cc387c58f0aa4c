# limits: --max-memory=67108864 --max-duration=2
# expect: MemoryError|TimeoutError
x = 3
while True:
    x = x * x

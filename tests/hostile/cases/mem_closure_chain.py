# limits: --max-memory=67108864
# expect: MemoryError
f = lambda: 0
while True:
    f = (lambda g: lambda: g)(f)

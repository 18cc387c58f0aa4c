# limits: --max-duration=1 --max-memory=67108864
# expect: TimeoutError|MemoryError
def g():
    while True:
        yield 0
list(g())

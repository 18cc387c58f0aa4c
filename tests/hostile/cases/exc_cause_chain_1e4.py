# limits: --max-memory=268435456
# expect: ValueError|RecursionError|MemoryError
e = None
for i in range(10000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
raise e

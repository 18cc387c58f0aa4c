# a memory-limit MemoryError is not catchable: the run ends with it
# limits: --max-memory=67108864
# expect: MemoryError
keep = []
while True:
    try:
        keep.append('x' * 10**6)
    except MemoryError:
        pass

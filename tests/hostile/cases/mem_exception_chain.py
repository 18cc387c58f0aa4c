# limits: --max-memory=67108864
# expect: MemoryError
keep = []
while True:
    try:
        raise ValueError('x' * 100)
    except ValueError as e:
        keep.append(e)

# limits: --max-memory=67108864
# expect: MemoryError
keep = []
while True:
    try:
        keep.append([0] * 100000)
    except BaseException:
        keep = keep[: len(keep) // 2]

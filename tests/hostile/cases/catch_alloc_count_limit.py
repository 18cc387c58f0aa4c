# limits: --max-allocations=100000
# expect: MemoryError
keep = []
while True:
    try:
        keep.append(str(len(keep)))
    except MemoryError:
        keep = []

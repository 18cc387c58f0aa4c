# max with a key that keeps every item alive
# limits: --max-memory=16000000
# expect: MemoryError
keep = []
print(max(map(str, range(10**6)), key=lambda s: keep.append(s) or len(s)))

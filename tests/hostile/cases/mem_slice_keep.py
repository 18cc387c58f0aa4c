# slices kept alive: the copies count against the memory limit
# limits: --max-memory=67108864
# expect: MemoryError
s = "x" * 10**6
l = [0] * 10**5
keep = []
while True:
    keep.append(s[1:])
    keep.append(l[:-1])
    l[len(l):] = l[:10]

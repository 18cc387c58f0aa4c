# A module-level comprehension growing without bound stops at the limit.
# limits: --max-memory=67108864
# expect: MemoryError
l = [0]
[l.append(x + 1) for x in l]

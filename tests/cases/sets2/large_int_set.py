s = set(range(0, 3000, 7))
print(len(s), sum(s), min(s), max(s), 21 in s, 22 in s)
print(list(s)[:10])

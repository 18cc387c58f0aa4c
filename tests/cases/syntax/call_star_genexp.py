rows = [[1], [2]]
print(*r for r in rows)

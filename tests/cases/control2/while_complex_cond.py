i, j = 0, 10
while i < j and j - i > 2:
    i += 1
    j -= 1
print(i, j)

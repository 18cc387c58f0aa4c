i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print(i)
else:
    print('done', i)
while True:
    i -= 1
    if i < 2:
        break
else:
    print('never')
print(i)

# if/elif/else, while/else, for/else, break, continue, constant tests.
total = 0
for i in range(20):
    if i % 3 == 0:
        continue
    elif i > 15:
        break
    elif 5 < i < 8 or i == 11:
        total += 100
    else:
        total += i
else:
    total = -1
print(total)
n = 0
while n < 10:
    n += 1
    if not n % 4: break
else:
    print('no break')
print(n)
while False:
    print('never')
else:
    print('else of a false loop')
k = 0
while True:
    k += 1
    if k > 3 and k % 2 == 0 or k > 100:
        break
print(k)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
for x in 1, 2:
    for y in 'ab':
        if y == 'b': continue
        print(x, y)
    else: print('inner done')
if 0: print('zero')
elif '': print('empty')
elif None: pass
elif 1 and not 0: print('one')
if (k > 1):
    pass
if not (k < 1 or k > 100) and (k == 4 or k == 5): print('group')
if 1 < k < 10 < 100: print('chain')
if not 1 < k < 2: print('not chain')
for i in range(3): pass
print(i)

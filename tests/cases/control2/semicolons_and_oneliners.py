x = 1; y = 2; print(x + y)
if x: print('one')
for i in range(2): print(i)
while False: pass

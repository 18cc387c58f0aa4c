print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(4)])
print({x: x * 2 for x in 'ab'}, {x % 3 for x in range(10)}, sum(x for x in range(101)))
x = 'outer'
print([x for x in 'ab'], x)

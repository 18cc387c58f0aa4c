print({100, 3, 17, 33, 1000, -1, 2**40, 64, 8})
s = set(range(0, 200, 7)); s.discard(14); s.add(999); print(s)
print({1.5, 2.5, 0.1, 3.0}, {(1, 2), (3, 4), (0, 0)})
print(set([32, 1, 64, 96, 128]), {x * 37 % 101 for x in range(30)})
d = {k: 1 for k in range(20)}; 
for k in range(0, 20, 3): del d[k]
print(d, set(d))

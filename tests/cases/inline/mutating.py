# Comprehensions over what they change.
l = [1, 2, 3]
out = [l.append(x) or x for x in l if len(l) < 8]
print(out, l)
d = {1: 1, 2: 2}
try:
    [d.setdefault(k + 10, k) for k in d]
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
try:
    {s.add(x + 5) for x in s}
except RuntimeError as e:
    print("RuntimeError:", e)
big = [i for i in range(200000) if i % 7 == 0]
print(len(big), big[-1])
nested = {i: {j for j in range(i % 4)} for i in range(1000)}
print(len(nested), nested[999])
it = iter(range(10))
print([x for x in it if x % 3], list(it))

d = {}
for w in 'the quick brown fox jumps over the lazy dog the end'.split():
    d[w] = d.get(w, 0) + 1
print(d)
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3}, {True: 'a', 1: 'b', 1.0: 'c'})

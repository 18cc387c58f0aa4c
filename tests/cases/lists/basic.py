a = [3, 1, 2]
a.append(5); a.extend([7, 8]); a.insert(0, 9); a.insert(-1, 4); a.insert(100, 6)
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], 7 in a)
print(a.pop(), a.pop(0), a.index(7), a.count(1), a)
a.remove(1); a.reverse(); print(a)
a.sort(); print(a, sorted(a, reverse=True), a + [0], a * 2)
b = a.copy(); b.clear(); print(a, b)

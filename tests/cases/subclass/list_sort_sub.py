class L(list):
    def sort(self, **kw):
        super().sort(**kw)
        return self
l = L([3, 1, 2])
print(l.sort(), l.sort(reverse=True), sorted(l), type(sorted(l)).__name__, l[::-1], type(l[::-1]).__name__)
print(l.copy(), type(l.copy()).__name__, L(x * 2 for x in l), list(reversed(l)), l.index(2), l.count(1))
l2 = L()
l2.extend(range(3))
l2.insert(0, "a")
del l2[1]
print(l2, len(l2), l2 == ["a", 1, 2], l2 * 0, [*l2, *L([9])])

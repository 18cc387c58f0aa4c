class S(set):
    def add(self, x):
        super().add(x * 10)
    def __contains__(self, x):
        return super().__contains__(x * 10)
s = S()
s.add(1)
s.add(2)
print(sorted(s), 1 in s, 10 in s, len(s), S([5]) == {5})
class Ordered(frozenset):
    def __iter__(self):
        return iter(sorted(super().__iter__()))
o = Ordered([3, 1, 2])
print(list(o), [x for x in o], sorted(o), len(o), 2 in o, tuple(o))

class Weird:
    def __eq__(self, o): return "yes"
    def __lt__(self, o): return 0
    __hash__ = object.__hash__
w = Weird()
print(w == 1, w < 1, [w] == [w], [w] == [Weird()], w in [1], bool(w == 2))
print(sorted([3, 1]), w != 1)

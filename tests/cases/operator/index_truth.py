import operator
class I:
    def __index__(self):
        return 3
class B:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(operator.index(I()), [10, 20, 30, 40][operator.index(I())])
print(operator.truth(B()), operator.truth(L()), operator.not_(B()), operator.truth(object()))
print(operator.is_(None, None), operator.is_not([], []), operator.eq([1], [1]), operator.ne(1, 1.0))
print(operator.countOf(iter([1, 1, 2, 1]), 1), operator.indexOf("hello", "l"))
print(operator.length_hint([1, 2]), operator.length_hint(5, 7))
print(operator.abs(-2.5), operator.pos(-0.0), operator.invert(True))
print(operator.call(sorted, [3, 1, 2], reverse=True))

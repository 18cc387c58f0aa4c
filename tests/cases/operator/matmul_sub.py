import operator
class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, o):
        return M(self.v * o.v)
    def __repr__(self):
        return "M(%d)" % self.v
print(operator.matmul(M(2), M(3)), operator.__matmul__(M(1), M(5)))
try:
    operator.matmul(1, 2)
except TypeError as e:
    print("TypeError", e)
print(operator.sub(10, 3), operator.sub({1, 2, 3}, {2}), operator.xor({1, 2}, {2, 3}))
print(operator.lshift(3, 70), operator.rshift(-1, 5), operator.pow(2, -1))
print(operator.mod("%s-%s", ("a", "b")), operator.floordiv(7.5, 2))

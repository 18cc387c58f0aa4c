import operator
a = [1]
b = operator.iadd(a, [2, 3])
print(a, b is a)
t = (1,)
u = operator.iadd(t, (2,))
print(t, u)
s = "ab"
print(operator.imul(s, 3), operator.__mul__(2, 4), operator.__neg__(3), operator.__not__(1))
print(operator.ipow(2, 5), operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ilshift(1, 4))
print(operator.iand(12, 10), operator.ior(12, 10), operator.ixor(12, 10), operator.irshift(256, 4))
print(operator.inv(0), operator.__inv__(5), operator.__invert__(-1))
print(operator.truediv(7, 2), operator.__truediv__(1, 4), operator.__floordiv__(-7, 2))
d = {"x": 1}
operator.setitem(d, "y", 2)
operator.delitem(d, "x")
print(d, operator.__getitem__(d, "y"), operator.__contains__(d, "y"))

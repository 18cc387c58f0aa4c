import copy
t = (1, (2, 3), "x")
print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = ([1], 2)
d2 = copy.deepcopy(t2)
print(d2 == t2, d2 is t2, d2[0] is t2[0])
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.deepcopy(fs) == fs)
lst = [1]
tup = (lst, lst)
dt = copy.deepcopy(tup)
print(dt[0] is dt[1], dt[0] is lst)
r = range(5)
print(copy.copy(r) is r, copy.deepcopy(r) is r)

from functools import reduce
import operator
print(reduce(operator.add, range(101)))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(max, [3, 9, 2]))
print(reduce(operator.mul, [], 1))
for args in [(operator.add,), (operator.add, []), (operator.add, 5), (1, [1, 2])]:
    try:
        reduce(*args)
    except TypeError as e:
        print("TypeError", e)
def boom(a, b):
    raise ValueError("boom %d" % b)
try:
    reduce(boom, [1, 2, 3])
except ValueError as e:
    print("ValueError", e)
print(reduce(lambda a, b: a, iter([7])))

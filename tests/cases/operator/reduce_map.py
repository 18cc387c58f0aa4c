import operator
from functools import reduce
from itertools import accumulate, starmap
print(reduce(operator.mul, range(1, 11)))
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(starmap(operator.pow, [(2, 3), (3, 2), (10, 0)])))
print(list(map(operator.add, [1, 2, 3], [10, 20, 30])))
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=operator.itemgetter(1)))
print(reduce(operator.or_, [{1}, {2}, {3, 1}]))
print(list(filter(operator.truth, [0, 1, "", "x", None, []])))
print(reduce(operator.concat, [[1], [2], [3]]))

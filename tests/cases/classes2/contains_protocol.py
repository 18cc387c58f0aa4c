class Evens:
    def __contains__(self, x):
        return x % 2 == 0
print(4 in Evens(), 3 in Evens(), 3 not in Evens())
class Truthy:
    def __contains__(self, x): return [1]
print(1 in Truthy())
class ViaIter:
    def __iter__(self): return iter([1, 2, 3])
print(2 in ViaIter(), 7 in ViaIter())
try:
    1 in object()
except TypeError as e:
    print(e)

class A:
    def items(self):
        yield 1
        yield 2
class B(A):
    def items(self):
        yield 0
        yield from super().items()
        yield 3
print(list(B().items()))
class C(A):
    def lst(self):
        return [x for x in super().items()]
try:
    print(C().lst())
except Exception as e:
    print(type(e).__name__)

# __getattr__ that creates attributes lookups forever: RecursionError
# limits: --max-recursion=100000000
# expect: RecursionError
class A:
    def __getattr__(self, n):
        return getattr(self, n + "x")
A().y

# C re-entry through a dunder: stopped by the C stack guard
# limits: --max-recursion=100000000
# expect: RecursionError
class A:
    def __lt__(self, o):
        return sorted([self, o]) and True
sorted([A(), A()])

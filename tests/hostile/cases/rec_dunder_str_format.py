# C re-entry through a dunder: stopped by the C stack guard
# limits: --max-recursion=100000000
# expect: RecursionError
class A:
    def __format__(self, s):
        return f'{self}'
f'{A()}'

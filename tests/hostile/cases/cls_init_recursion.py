# a constructor building itself forever: RecursionError, not a C stack overflow
# limits: --max-recursion=100000000
# expect: RecursionError
class A:
    def __init__(self):
        self.child = A()
A()

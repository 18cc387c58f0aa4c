# a constructor building itself forever, default limits: RecursionError as CPython
# limits:
# expect: RecursionError
# match: ^RecursionError: maximum recursion depth exceeded
class A:
    def __init__(self):
        self.child = A()
A()

# a Python __new__ calling the class again: C re-entry, guarded
# limits: --max-recursion=100000000
# expect: RecursionError|MemoryError
class A:
    def __new__(cls):
        return A()
A()

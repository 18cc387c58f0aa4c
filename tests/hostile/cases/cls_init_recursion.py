# a constructor building itself forever: runs in the VM loop (no C recursion), ends cleanly
# limits: --max-recursion=100000000
# expect: RecursionError|MemoryError
class A:
    def __init__(self):
        self.child = A()
A()

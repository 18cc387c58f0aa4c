# an iterator that never ends, consumed by C code: the time limit stops it
# limits: --max-duration=1
# expect: TimeoutError
class Forever:
    def __iter__(self): return self
    def __next__(self): return 1
sum(Forever())

# an endless iterator materialized by list(): the memory limit stops it
# limits: --max-memory=50000000 --max-duration=5
# expect: MemoryError|TimeoutError
class Forever:
    def __iter__(self): return self
    def __next__(self): return "x"
list(Forever())

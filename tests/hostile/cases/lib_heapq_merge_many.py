# limits: --max-memory=64000000 --max-duration=10
# expect: ok|MemoryError|TimeoutError
import heapq
its = [range(i, 2_000_000, 5000) for i in range(5000)]
print(sum(1 for _ in heapq.merge(*its)))

# limits: --max-memory=64000000 --max-duration=10
# expect: ok|MemoryError|TimeoutError
import statistics
print(statistics.median(range(10**7)), statistics.median_grouped(range(10**7)))

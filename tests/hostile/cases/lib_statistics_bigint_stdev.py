# limits: --max-duration=5
# expect: ok|TimeoutError
import statistics
print(statistics.stdev([10**300, 0, 1]), statistics.pstdev([10**3000 + i for i in range(50)]))

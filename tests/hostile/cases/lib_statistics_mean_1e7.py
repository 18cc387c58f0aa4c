# limits: --max-duration=10
# expect: ok|TimeoutError
import statistics
print(statistics.mean(range(10**7)), statistics.fmean(range(10**7)), statistics.pstdev(range(10**7)))

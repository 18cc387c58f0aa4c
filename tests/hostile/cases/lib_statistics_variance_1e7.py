# limits: --max-duration=3
# expect: ok|TimeoutError
import statistics
print(statistics.variance(x / 3 for x in range(10**7)))

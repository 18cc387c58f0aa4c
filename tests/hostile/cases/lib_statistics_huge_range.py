# limits: --max-duration=0.5
# expect: TimeoutError
import statistics
statistics.variance(range(10**12))

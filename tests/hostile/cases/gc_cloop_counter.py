# collections.Counter over a stream: only the counts stay
# limits: --max-memory=16000000
# expect: ok
import collections
print(sorted(collections.Counter(map(len, map(str, range(3 * 10**6)))).items()))

# collections.Counter over a stream: only the counts stay
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
import collections
print(sorted(collections.Counter(map(len, map(str, range(10**6)))).items()))

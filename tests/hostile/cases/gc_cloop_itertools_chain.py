# an itertools chain consumed by a C builtin
# limits: --max-memory=16000000
# expect: ok
import itertools
print(max(itertools.chain(map(str, range(2 * 10**6)), map(hex, range(2 * 10**6)))))

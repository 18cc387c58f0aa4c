# an itertools chain consumed by a C builtin
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
import itertools
print(max(itertools.chain(map(str, range(7 * 10**5)), map(hex, range(7 * 10**5)))))

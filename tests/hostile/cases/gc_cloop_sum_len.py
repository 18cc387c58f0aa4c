# sum(map(len, map(str, ...))): the strings are garbage at once
# limits: --max-memory=16000000
# expect: ok
print(sum(map(len, map(str, range(3 * 10**6)))))

# sum(map(len, map(str, ...))): the strings are garbage at once
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
print(sum(map(len, map(str, range(10**6)))))

# set(map(...)) over millions of temporaries
# limits: --max-memory=16000000
# expect: ok
print(sorted(set(map(len, map(str, range(3 * 10**6))))))

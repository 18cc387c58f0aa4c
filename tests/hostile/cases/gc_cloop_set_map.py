# set(map(...)) over millions of temporaries
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
print(sorted(set(map(len, map(str, range(10**6))))))

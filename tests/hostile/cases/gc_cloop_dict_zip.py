# dict(zip(map(...), ...)) with few distinct keys
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
print(dict(zip(map(len, map(str, range(10**6))), range(10**6))))

# dict(zip(map(...), ...)) with few distinct keys
# limits: --max-memory=16000000
# expect: ok
print(dict(zip(map(len, map(str, range(3 * 10**6))), range(3 * 10**6))))

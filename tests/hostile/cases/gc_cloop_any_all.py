# any/all over a stream of fresh strings run in bounded memory
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
print(any(map(str.isspace, map(str, range(10**6)))), all(map(str, range(10**6))))

# any/all over a stream of fresh strings run in bounded memory
# limits: --max-memory=16000000
# expect: ok
print(any(map(str.isspace, map(str, range(3 * 10**6)))), all(map(str, range(3 * 10**6))))

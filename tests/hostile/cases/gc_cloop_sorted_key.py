# sorted() of a stream: the stream's temporaries are collected while the list builds
# limits: --max-memory=110000000 --max-duration=60
# expect: ok
print(sorted(map(len, map(str, range(10**6))), key=abs)[-1])

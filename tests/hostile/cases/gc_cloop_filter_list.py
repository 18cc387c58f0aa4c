# list(filter(...)) keeping nothing from millions of temporaries
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
print(list(filter(str.isspace, map(str, range(10**6)))))

# list(filter(...)) keeping nothing from millions of temporaries
# limits: --max-memory=16000000
# expect: ok
print(list(filter(str.isspace, map(str, range(3 * 10**6)))))

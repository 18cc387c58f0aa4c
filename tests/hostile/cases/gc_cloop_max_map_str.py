# garbage made inside a C loop (max over map) is collected as it goes, as CPython frees it
# limits: --max-memory=16000000 --max-duration=60
# expect: ok
print(max(map(str, range(10**6))))

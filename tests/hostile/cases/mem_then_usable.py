# a request beyond any possible size (not a limit) is a plain, catchable MemoryError as in CPython
# limits: --max-memory=67108864
# expect: ok
# stdout: ^True\n$
ok = False
try:
    x = [0] * 2**62
except MemoryError:
    ok = True
print(ok)

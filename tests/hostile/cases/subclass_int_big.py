# a huge int payload: arithmetic on it is bounded by the limits
# limits: --max-memory=50000000 --max-duration=5
# expect: MemoryError|TimeoutError|ValueError
class I(int):
    pass
x = I(10) ** 10 ** 6
y = I(x)
print(len(str(y)))

# __dir__ returning a huge list: bounded by the memory limit
# limits: --max-memory=60000000 --max-duration=10
# expect: MemoryError|ok
class D:
    def __dir__(self):
        return [str(i) for i in range(10 ** 7)]
print(len(dir(D())))

# a list subclass whose __len__ and __iter__ lie: slots read the real items,
# list(l) iterates the endless __iter__ as CPython does, until the memory limit
# limits: --max-memory=100000000 --max-duration=10
# expect: MemoryError
# stdout: \[1, 2, 3\] 3 6 \(1, 2, 3\)
class L(list):
    def __len__(self):
        return 10 ** 9
    def __iter__(self):
        while True:
            yield 0
l = L([1, 2, 3])
print(list.__repr__(l), list.__len__(l), sum(l[i] for i in range(3)), tuple(l[:3]))
list(l)

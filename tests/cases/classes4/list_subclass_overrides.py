class Log(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return ("got", r)
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 10)
    def __len__(self):
        return super().__len__() + 100
l = Log()
l.append(1)
l.extend([2, 3])
l[0] = 5
print(l[0], l[1:], len(l), list(l), l)
print(sum(Log([1, 2])), sorted(Log([3, 1, 2])))

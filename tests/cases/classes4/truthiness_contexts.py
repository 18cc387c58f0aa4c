class Flag:
    def __init__(self, on): self.on = on
    def __bool__(self):
        print("bool", self.on)
        return self.on
flags = [Flag(True), Flag(False)]
print([f.on for f in filter(None, flags)])
print(any(flags), all(flags))
n = 0
f = Flag(True)
while f and n < 2:
    n += 1
print(n, Flag(False) or "other", not Flag(True))
x = "yes" if Flag(False) else "no"
print(x)

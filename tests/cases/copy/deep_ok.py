import copy
x = []
for i in range(150):
    x = [x, i]
y = copy.deepcopy(x)
n = 0
while y:
    y = y[0]
    n += 1
print(n)
d = {}
for i in range(100):
    d = {"next": d, "i": i}
print(copy.deepcopy(d)["i"])

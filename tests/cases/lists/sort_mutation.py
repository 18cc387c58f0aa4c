a = [3, 1, 2]
def key(x):
    a.append(0)
    return x
try:
    a.sort(key=key)
except ValueError as e:
    print(e)

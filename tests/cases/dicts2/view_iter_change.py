d = {1: 2}
ks = d.keys()
try:
    for k in ks:
        del d[k]
except RuntimeError as e:
    print(e)

# a dict that keeps few keys while inserting and deleting millions stays
# small (growth asks for room for 2 * used, as CPython) and keeps order
# limits: --max-memory=64000000 --max-duration=30
# cpython: stdout
# expect: ok
d = {}
for i in range(1000000):
    d[str(i)] = i
    if i >= 5:
        del d[str(i - 5)]
print(len(d), list(d.items()))
big = {}
for i in range(200000):
    big["k" + str(i)] = i
print(len(big), big["k199999"], sum(big.values()))
for k in list(big)[:150000]:
    del big[k]
big["new"] = -1
print(len(big), list(big)[:3], list(big)[-2:])

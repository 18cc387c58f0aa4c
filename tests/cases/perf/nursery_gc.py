# The first objects of a fresh interpreter share one "nursery" page across
# size classes (sp_pool.c).  Make objects of many sizes first, keep some,
# drop the rest through many collections, and check the survivors and the
# slots reused for new objects of other sizes in the same classes.
first = [(i,) * k for k in range(12) for i in range(3)]
firstd = [{j: j for j in range(k)} for k in range(8)]
firsts = ["s" * k for k in range(40)]
keep = []
for r in range(40):
    junk = [(i,) * (i % 24) for i in range(1500)]
    keep.append([str(i) * (i % 30) for i in range(40)])
    d = {i: [i] * (i % 9) for i in range(300)}
    first[r % len(first)] = tuple(range(r % 7))
    firsts[r % len(firsts)] = "t" * (r % 13)
print(len(keep), sum(len(x) for k in keep for x in k), len(junk), len(d))
print(first[:8], [len(t) for t in first])
print([sorted(x) for x in firstd])
print(firsts[:15], sum(len(s) for s in firsts))

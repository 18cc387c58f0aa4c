import bisect
recs = [('ann', 21), ('bob', 25), ('cid', 25), ('dan', 40)]
age = lambda r: r[1]
print(bisect.bisect_left(recs, 25, key=age), bisect.bisect_right(recs, 25, key=age), bisect.bisect(recs, 30, key=age))
bisect.insort(recs, ('eve', 25), key=age); print(recs)
bisect.insort_left(recs, ('fay', 25), key=age); print(recs)
words = ['a', 'bb', 'ccc', 'dddd']
print(bisect.bisect(words, 2, key=len), bisect.bisect_left(words, 2, key=len))

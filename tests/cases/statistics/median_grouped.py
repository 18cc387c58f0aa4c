import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: st.median_grouped([52, 52, 53, 54]))
t(lambda: st.median_grouped([1, 3, 3, 5, 7]))
t(lambda: st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
t(lambda: st.median_grouped([1, 3, 3, 5, 7], interval=2))
t(lambda: st.median_grouped([2.5, 3.5, 3.5, 4.5], 0.5))
t(lambda: st.median_grouped([7]))
t(lambda: st.median_grouped([]))
t(lambda: st.median_grouped(iter([5, 1, 3])))
t(lambda: st.median_grouped(['a', 'b']))
t(lambda: st.median_grouped([1, 2], interval='x'))
t(lambda: st.median_grouped([1, 2], interval=None))
from collections import Counter
demographics = Counter({25: 172, 35: 484, 45: 387, 55: 22, 65: 6})
data = list(demographics.elements())
print(st.median(data), round(st.median_grouped(data, interval=10), 1), st.median_grouped(data, 10))

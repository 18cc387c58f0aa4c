import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: st.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]))
t(lambda: st.covariance([9, 8, 7, 6, 5, 4, 3, 2, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]))
t(lambda: st.covariance([0.1, 0.2, 0.3], [3.3, 1.1, 2.2]))
t(lambda: st.covariance(range(10), range(10, 0, -1)))
t(lambda: st.covariance([True, False, True], [1, 2, 3]))
t(lambda: st.covariance([1], [2]))
t(lambda: st.covariance([1, 2, 3], [1, 2]))
t(lambda: st.covariance([], []))
t(lambda: st.covariance(x=[1, 2], y=[1, 2]))
t(lambda: st.covariance([1, 2]))

import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

year = [1971, 1975, 1979, 1982, 1983]
films_total = [1, 2, 3, 4, 5]
lr = st.linear_regression(year, films_total)
print(lr, lr.slope, lr.intercept, type(lr).__name__, lr._fields)
print(round(lr.slope * 2019 + lr.intercept))
t(lambda: st.linear_regression([1, 2, 3, 4, 5], [3.1, 5.2, 7.3, 9.1, 11.4], proportional=True))
t(lambda: st.linear_regression([1, 2, 3], [2, 4, 6]))
t(lambda: st.linear_regression([0.5, 1.5, 2.5], [1, 0, -1]))
t(lambda: st.linear_regression([2, 2, 2], [1, 2, 3]))
t(lambda: st.linear_regression([0, 0], [1, 2], proportional=True))
t(lambda: st.linear_regression([1], [2]))
t(lambda: st.linear_regression([1, 2], [2]))
t(lambda: st.linear_regression([1, 2], [2, 4], True))
slope, intercept = st.linear_regression(range(100), [3 * i + 7 for i in range(100)])
print(slope, intercept)
print(st.LinearRegression(1, 2), st.LinearRegression)

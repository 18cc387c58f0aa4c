import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: st.correlation([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]))
t(lambda: st.correlation(range(10), range(10)))
t(lambda: st.correlation(range(10), range(10, 0, -1)))
t(lambda: st.correlation([1.5, 2.25, 3.0, 7.75], [10, 11.5, 9.0, 30.25]))
t(lambda: st.correlation([3, 3, 3], [1, 2, 3]))
t(lambda: st.correlation([1, 2, 3], [5, 5, 5]))
t(lambda: st.correlation([1], [1]))
t(lambda: st.correlation([1, 2], [1, 2, 3]))
temps = [22.1, 23.4, 25.0, 27.3, 26.1, 24.8, 21.9]
sales = [120, 135, 160, 190, 172, 150, 118]
print(round(st.correlation(temps, sales), 12), st.correlation(temps, sales))

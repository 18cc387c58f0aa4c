import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for name in ('mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode',
             'stdev', 'variance', 'pstdev', 'pvariance', 'harmonic_mean', 'geometric_mean', 'quantiles'):
    f = getattr(st, name)
    try:
        print(name, repr(f([])))
    except Exception as e:
        print(name, type(e).__name__, e)
t(lambda: st.stdev([1]))
t(lambda: st.variance([1]))
t(lambda: st.quantiles([1]))
t(lambda: st.quantiles([1, 2], n=0))
t(lambda: st.quantiles([1, 2], method='x'))
print(issubclass(st.StatisticsError, ValueError), st.StatisticsError.__name__)
try:
    st.mean([])
except ValueError as e:
    print('caught as ValueError:', e)

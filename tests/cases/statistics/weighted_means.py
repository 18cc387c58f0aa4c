import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: st.harmonic_mean([40, 60], weights=[5, 30]))
t(lambda: st.harmonic_mean([2.5, 3, 10], [1, 2, 3]))
t(lambda: st.harmonic_mean([1, 2], weights=[1]))
t(lambda: st.harmonic_mean([-1]))
t(lambda: st.harmonic_mean([]))
t(lambda: st.harmonic_mean([1, 0]))
t(lambda: st.harmonic_mean([2.5, 3], weights=[0, 0]))
t(lambda: st.harmonic_mean([2.5, 3], weights=[1, -1]))
t(lambda: st.harmonic_mean([60, 40, 20]))
t(lambda: st.fmean([3.5, 4.0, 5.25], weights=[1, 2, 3]))
t(lambda: st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
t(lambda: st.fmean([1, 2], weights=[1]))
t(lambda: st.fmean([1, 2], weights=[0, 0]))
t(lambda: st.fmean([]))
t(lambda: st.fmean(iter([1, 2, 3]), [3, 2, 1]))
t(lambda: st.fmean([1, 2, 3], iter([1, 1, 1])))
t(lambda: st.geometric_mean([54, 24, 36]))
t(lambda: st.geometric_mean([2.5, 8, 0.125]))
t(lambda: st.geometric_mean([]))
t(lambda: st.geometric_mean([1, -1]))
t(lambda: st.geometric_mean([0, 4]))
t(lambda: st.geometric_mean(x / 7 for x in range(1, 30)))

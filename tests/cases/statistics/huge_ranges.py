import statistics as st
print(st.mean(range(10**6)), st.fmean(range(10**6)), st.median(range(10**6)))
print(st.pstdev(range(10**6)), st.variance(range(0, 10**6, 7)))
print(st.covariance(range(10**5), range(0, 2 * 10**5, 2)), st.correlation(range(10**5), [x * x for x in range(10**5)]))
print(st.linear_regression(range(10**5), [2 * x + 1 for x in range(10**5)]))
print(st.median_grouped(range(10**5), 10), st.quantiles(range(10**5), n=5))
print(st.NormalDist.from_samples(range(10**5)))

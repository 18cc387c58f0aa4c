import statistics as st
from statistics import NormalDist
table = {'latency_ms': [12.5, 15.0, 11.25, 90.0, 13.75, 14.5, 12.0, 16.25, 13.0, 12.75],
         'payload_kb': [1, 4, 2, 2, 8, 2, 3, 2, 1, 5], 'retries': [0, 0, 1, 0, 3, 0, 0, 1, 0, 0]}
for col, v in table.items():
    print(col, st.mean(v), st.median(v), st.median_low(v), st.median_high(v), st.mode(v), st.multimode(v))
    print('  ', st.stdev(v), st.pvariance(v), st.quantiles(v), st.median_grouped(v))
    nd = NormalDist.from_samples(v)
    print('  ', nd, [round(x, 6) for x in nd.quantiles()], nd.cdf(st.mean(v)), nd.zscore(max(v)))
print(st.correlation(table['latency_ms'], table['payload_kb']), st.covariance(table['payload_kb'], table['retries']))
print(st.linear_regression(table['payload_kb'], table['latency_ms']))
print(st.linear_regression(table['payload_kb'], table['latency_ms'], proportional=True))

import statistics as s
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
scores = [88, 92, 79, 93, 85, 91, 78, 95, 88, 84]
print(s.mean(scores), s.median(scores), s.mode(scores))
print(round(s.stdev(scores), 4), s.variance(scores), s.pstdev(scores))
latencies = [12.5, 13.1, 11.9, 45.2, 12.8, 13.0, 12.2]
print(s.mean(latencies), s.median(latencies), s.quantiles(latencies, n=4))
print(s.fmean(latencies), s.stdev(latencies))

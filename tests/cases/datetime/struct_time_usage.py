from datetime import datetime, date, timedelta
events = [datetime(2024, 1, 1) + timedelta(days=37 * i, hours=5 * i) for i in range(12)]
by_week = {}
for e in events:
    tt = e.timetuple()
    by_week.setdefault((tt.tm_year, e.isocalendar().week), []).append(tt.tm_yday)
print(by_week)
print([e.timetuple()[6] for e in events], [e.strftime('%U-%W-%V') for e in events])
print(max(e.timetuple() for e in events), sorted(e.timetuple().tm_hour for e in events))
print(date(2024, 2, 29).timetuple()[:3], tuple(date(2023, 3, 1).timetuple())[7])

from datetime import datetime, date, time
def t(f, s):
    try:
        print(repr(f(s)))
    except Exception as e:
        print(type(e).__name__, e)
for s in ["2024-01-02T03:04:05.123456+01:00", "2024-01-02 03:04", "20240102T030405Z", "2024-W01-2T10",
          "2024-01-02T03:04:05,5", "2024-01-02T03", "2024-01-02T03:04:05.1234567", "2024-01-02T25:00",
          "2024-01-02T03:04:05-05:30:15", "2024-13-01", "2024-01-02X", "2024-01-02T"]:
    t(datetime.fromisoformat, s)
for s in ["2024-01-02", "20240102", "2024-W01-2", "2024W012", "2020-1-1", "2024-01-02T00:00"]:
    t(date.fromisoformat, s)
for s in ["10:20:30.5", "T1020", "10:20:30+01:00", "1", "10:2"]:
    t(time.fromisoformat, s)
t(date.fromisoformat, 5)
print(datetime.fromisoformat(datetime(2020, 5, 6, 7, 8, 9, 10).isoformat()))

import datetime as dt
from datetime import date, datetime, timedelta, timezone
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

fmts = ['%c', '%x', '%X', '%j', '%U', '%W', '%G', '%V', '%u', '%w', '%a %A %b %B %h', '%D', '%T', '%R', '%r',
        '%C', '%g', '%e', '%k', '%l', '%F', '%p %P', '%y %Y', '%%', '%n|%t', '%s', '%E', '%O', '%q', '%-d', '%_m']
days = [datetime(2024, 3, 5, 14, 7, 9), datetime(2021, 1, 3, 0, 5, 1), datetime(2020, 12, 31, 12, 0, 0),
        datetime(1999, 1, 1, 23, 59, 59), datetime(2027, 1, 1, 1, 2, 3)]
for d in days:
    print([d.strftime(f) for f in fmts])
print([date(2024, 3, 5).strftime(f) for f in fmts])
print(date(2018, 12, 31).strftime('%G %V %g %U %W %j'))

import datetime
print(datetime.MINYEAR, datetime.MAXYEAR, datetime.UTC)
print(datetime.date, datetime.datetime, datetime.timedelta, datetime.timezone, datetime.tzinfo)
print(datetime.datetime.__name__, datetime.date.today.__name__)
d = datetime.date(2024, 2, 29)
print(d.isocalendar(), datetime.date.fromisocalendar(2024, 9, 4), datetime.datetime.fromisocalendar(2020, 53, 7))
for y in [2019, 2020, 2021, 2026]:
    print(y, datetime.date(y, 1, 1).isocalendar(), datetime.date(y, 12, 31).isocalendar())
try:
    datetime.date.fromisocalendar(2021, 53, 1)
except ValueError as e:
    print(e)
days = [datetime.date(2024, 1, 1) + datetime.timedelta(days=i) for i in range(0, 365, 50)]
print([x.strftime("%a %d %b") for x in days])

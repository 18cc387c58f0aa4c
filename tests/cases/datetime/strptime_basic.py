from datetime import datetime
def t(s, f):
    try:
        print(repr(datetime.strptime(s, f)))
    except Exception as e:
        print(type(e).__name__, e)
t("2024-01-02 03:04:05", "%Y-%m-%d %H:%M:%S")
t("Jan 5 2020 10:30PM", "%b %d %Y %I:%M%p")
t("2020-01-01T10:00:00+0530", "%Y-%m-%dT%H:%M:%S%z")
t("2020-01-01 10:00:00.123 Z", "%Y-%m-%d %H:%M:%S.%f %z")
t("Monday, March 02 20", "%A, %B %d %y")
t("20240102", "%Y%m%d")
t("12/31/99", "%m/%d/%y")
t("2020 100", "%Y %j")
t("  2020", " %Y")
t("2020", "%Q")
t("2020", "%")
t("2020x", "%Y")
t("20", "%Y")
t("2021-02-30", "%Y-%m-%d")
t("Feb 29", "%b %d")
t("10:00 -07:00", "%H:%M %z")
t("2023 5 1", "%Y %W %w")

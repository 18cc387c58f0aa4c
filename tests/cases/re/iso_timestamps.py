import re
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

text = """deploy started 2024-03-05T14:07:09Z, finished 2024-03-05T14:09:59.123+01:00;
rollback at 2024-03-06 00:00:00 and 2024-13-01T00:00:00Z (invalid month) and 2024-03-05T24:61:00Z"""
ISO = re.compile(r'(?P<date>(?P<y>\d{4})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01]))[T ]'
                 r'(?P<time>(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?)(?P<tz>Z|[+-]\d{2}:\d{2})?')
for m in ISO.finditer(text):
    print(m.group(0), m.group('date', 'time', 'tz'), m.span())
print(re.sub(r'(\d{4})-(\d{2})-(\d{2})', r'\3/\2/\1', text.splitlines()[0]))
print(re.findall(r'\d{4}-\d{2}-\d{2}', text))
print(re.split(r'[T ,;]+', '2024-03-05T14:07:09, 2024-03-06 00:00:00;x'))

import re
m = re.match('(a)(b)?', 'a')
for g in [5, -1, 'x', 1.5]:
    try:
        print(m.group(g))
    except IndexError as e:
        print('IndexError', e)
try:
    m.start(3)
except IndexError as e:
    print('IndexError', e)
print(m.group(2), m.span(2), m.start(2))

import re
try:
    re.compile('a{4294967295}')
except OverflowError as e:
    print('OverflowError', e)
print(re.match('a{0}', 'aaa').span(), re.match('(?:ab){3}', 'ababab').span())

import re
pat = re.compile(r"""
    (?P<area>\d{3})   # area code
    [-\s]?            # separator
    (?P<num>\d{4})    # number
""", re.VERBOSE)
print(pat.match('555-1234').groupdict())
print(re.match(r'(?x) a b c # comment', 'abc'))
print(re.match(r'(?x) a\ b [ ] ', 'a b '))

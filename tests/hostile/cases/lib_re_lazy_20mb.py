# limits: --max-memory=120000000 --max-duration=30
# expect: ok|TimeoutError
import re
big = 'a' * 20_000_000
print(re.search(r'(.*?)x', big), re.search(r'[^,]*,', big), re.match(r'a*?$', big).end())

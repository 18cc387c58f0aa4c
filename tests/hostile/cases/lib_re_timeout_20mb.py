# limits: --max-duration=0.5
# expect: TimeoutError
# A 20 MB search that cannot finish in time still stops at the limit.
import re
big = 'ab' * 10_000_000
while True:
    re.search(r'(?:a|b)*c', big)

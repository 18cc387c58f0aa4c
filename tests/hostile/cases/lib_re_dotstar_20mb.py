# limits: --max-memory=120000000 --max-duration=30
# expect: ok|TimeoutError
# stdout: ^None\n$
# `(.*)x` over 20 MB: one backtrack frame per repeat and a bitmap memo,
# never per-position frames (CPython itself is quadratic here).
import re
print(re.search(r'(.*)x', 'a' * 20_000_000))

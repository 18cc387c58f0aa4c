# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
from string import Template
Template('$a' * 10**6).substitute(a='x' * 1000)

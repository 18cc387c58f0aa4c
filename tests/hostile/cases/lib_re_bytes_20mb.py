# limits: --max-memory=120000000 --max-duration=30
# expect: ok|TimeoutError
import re
big = b'GET /x HTTP/1.1 200\n' * 1_000_000
print(re.search(rb'(.*)\x00', big), len(re.findall(rb'^GET (\S+)', big[:2000], re.M)))

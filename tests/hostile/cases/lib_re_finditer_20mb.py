# limits: --max-memory=200000000 --max-duration=30
# expect: ok|TimeoutError
# Words, key=value pairs and a substitution over a 20 MB log-like subject.
import re
big = 'key_1=value 22, host=web01 status=200\n' * 540_000
print(len(big), sum(1 for _ in re.finditer(r'\w+', big)))
print(sum(1 for _ in re.finditer(r'(\w+)=(\w+)', big)), len(re.sub(r',\s*', ';', big)))

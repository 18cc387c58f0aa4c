import json
s = '[' * 100000 + ']' * 100000
try:
    json.loads(s)
    print('parsed')
except RecursionError:
    print('RecursionError')
x = []
for i in range(100000):
    x = [x]
try:
    json.dumps(x)
    print('dumped')
except RecursionError:
    print('RecursionError')

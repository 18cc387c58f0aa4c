import json as j
from json import dumps as d, loads
print(j.dumps([1]), d({'a': 1}), loads('[2]'))

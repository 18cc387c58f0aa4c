import json
print(json.dumps({'a': 1, 'b': [1, 2.5, None, True, False], 'c': 'x"y\n', 'd': {}}))
print(json.dumps([1, 2], indent=2), json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.dumps('é😀'), json.dumps('é', ensure_ascii=False))
print(json.dumps({'a': [1, {'b': 2}]}, indent=4, sort_keys=True))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}), json.dumps(1e16), json.dumps(0.1), json.dumps(float('inf')))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}, indent=2), json.dumps([[]], indent=2), json.dumps('\u0001\t'))

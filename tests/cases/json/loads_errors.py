import json
for s in ['', '[1,]', '{"a" 1}', '{a: 1}', '[1 2]', '"abc', '[1] x', 'tru', '{"a":1,}', '"\x01"', '01', '[-]', '{"a":1']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), '->', e, '|', e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))

import json
v = json.loads('{"a": [1, 2.5, -3e2, null, true, false, "s\\u00e9\\n"], "b": {"c": {}}, "d": 12345678901234567890}')
print(v)
print(json.loads('[]'), json.loads(' 3 '), json.loads('"x"'), json.loads('1.0'), json.loads('NaN'), json.loads('-Infinity'), json.loads('{"a":1,"a":2}'))
print(json.loads('"\\ud83d\\ude00"'), json.loads('0'), json.loads('-0'), json.loads('1E3'))

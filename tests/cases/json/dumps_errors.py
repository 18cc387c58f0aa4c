import json
for v in [{1, 2}, {(1, 2): 3}, b'x', object]:
    try:
        json.dumps(v)
    except TypeError as e:
        print(e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
print(json.dumps({'s': {1, 2}}, default=sorted))
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print(e)

# The decoder's and encoder's fast paths: plain strings of every length
# and alignment with escapes, control characters and non-ASCII at word
# boundaries, repeated keys (one shared str), numbers at the edges of the
# fast int/float paths, and floats that must print exactly as repr().
import json

for n in range(0, 20):
    for c in ['"', "\\", "\n", "\x01", "\x7f", "é", "✓", "😀", "/"]:
        for pos in (0, n // 2, n):
            s = "a" * pos + c + "b" * (n - pos)
            t = json.dumps(s)
            u = json.dumps(s, ensure_ascii=False)
            assert json.loads(t) == s and json.loads(u) == s, (s, t, u)
            if pos == n // 2 and n % 5 == 0:
                print(n, ascii(c), t, u)

doc = json.loads('[' + ','.join('{"id": %d, "name": "n%d", "ok": true}' % (i, i)
                                for i in range(50)) + ']')
keys = [k for d in doc for k in d]
print(len(keys), len(set(map(id, keys))), keys[:3])
print(json.loads('{"a": 1, "a": 2, "b": {"a": 3}}'), json.loads('{"": 1, "x": {"": 2}}'))
print(json.loads('{"k\\u00e9y": 1, "k\\u00e9y": 2, "kéy": 3}'))

nums = ["0", "-0", "7", "-7", "999999999999999999", "-999999999999999999",
        "1000000000000000000", "-9223372036854775808", "9223372036854775808",
        "123456789012345678901234567890", "0.5", "-0.0", "1e22", "1e23", "1E-22", "1.5e300",
        "9007199254740993.0", "0.1", "2.5e-324", "1e400", "-1e400", "12.25", "3.0e2"]
for t in nums:
    v = json.loads(t)
    print(t, type(v).__name__, repr(v), json.dumps(v))
print(json.dumps([0.1, 0.30000000000000004, 1e16, 1e-7, 123.456, -0.0, 1e22, 5e-324, 2.5]))
print(json.dumps({"x": float("nan"), "y": float("inf"), "z": -float("inf")}))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError", e)
print(json.dumps({1.5: 1, 2: 2, -3: 3, True: 4, None: 5}))
print(json.dumps([-9223372036854775808, 9223372036854775807, 2 ** 64, -(2 ** 70)]))
print(json.loads('"\\ud83d\\ude00 x"'), json.loads('"a\\tb"'), json.loads('"\\"q\\""'))
for bad in ['"abc', '"a\nb"', '"a\\x"', '{"a" 1}', '{"a": 1,}', '[1, 2', '"\\u12"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e)
print(json.loads('"a\nb"', strict=False), json.loads('{"k": "v\tw"}', strict=False))
print(json.loads('[{"a": 1}, {"a": 2}]', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2]', parse_float=lambda s: "f" + s, parse_int=lambda s: "i" + s))
out = json.dumps({"k": ["é", 1]}, indent="→ ", separators=(" ‖ ", " ⇒ "))
print(out, len(out), out[-3:])
out = json.dumps({"é": "✓"}, ensure_ascii=True)
print(out, len(out), out[3:9])

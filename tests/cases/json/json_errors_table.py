import json
def parse(s):
    try:
        return json.loads(s)
    except json.JSONDecodeError as e:
        print(f"bad json at line {e.lineno} col {e.colno}: {e.msg}")
        return None
for s in ['{"a": 1', '[1, 2', '{"a" 1}', '{"a": tru}', '"unterminated', '{"a": 1}}', '[1,,2]', '\n\n  {x}', '{"a":1,}', '01', '1e', '-', '[1] [2]', '"\\x"', '"\\u12"', '{"a": NaN}', '{"\\ud800": 1}', '[' * 3]:
    print(repr(s), parse(s))
try:
    json.loads(b'{"a": 1}'.decode())
    print(json.loads(b'[1]'))
except Exception as e: print(type(e).__name__, e)
try: json.dumps(object())
except TypeError as e: print(e)
try: json.dumps({"a": float("nan")}, allow_nan=False)
except ValueError as e: print(e)
class Enc:
    pass
print(json.dumps({"x": Enc()}, default=lambda o: "<enc>"), json.dumps([1, [2, [3]]], indent=1))
print(json.dumps({"k": (1, 2)}), json.dumps("\u2028\x7f\x1f"), json.dumps("é", ensure_ascii=True), json.dumps(["a"], indent="\t"))
print(json.loads('{"a": {"b": [1, {"c": null}]}}')["a"]["b"][1], json.loads("[]"), json.loads('  "s"  '), json.loads("-0.0"), json.loads("1E400"), json.loads("-1E400"))
print(json.dumps(1.0), json.dumps(-0.0), json.dumps(1e-7), json.dumps(12345678901234567890), json.dumps(True), json.dumps(None), json.dumps([float("inf"), float("-inf")]))
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True, indent=2, separators=(",", ": ")))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1.5, 2.50, 1e2, 1E-2, 0.1]'), type(json.loads("1.0")).__name__)
try: json.loads(None)
except TypeError as e: print(e)
try: json.loads(5)
except TypeError as e: print(e)

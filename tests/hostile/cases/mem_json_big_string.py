# limits: --max-memory=67108864
# expect: MemoryError
# A 24 MB string through the fast string paths: loads copies it, dumps
# escapes it, until the memory limit stops the run (never a crash).
import json
s = "a" * (8 << 20) + "\u2713" + "b\n" * (4 << 20)
t = json.dumps(s)
u = json.loads(t)
assert u == s
v = [json.dumps(s, ensure_ascii=False) for _ in range(10)]

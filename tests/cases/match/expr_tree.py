# A recursive evaluator over JSON-shaped expression trees.
def ev(node, env):
    match node:
        case int() | float():
            return node
        case str(name):
            return env[name]
        case {"op": "+", "args": [*args]}:
            return sum(ev(a, env) for a in args)
        case {"op": "*", "args": [a, b]}:
            return ev(a, env) * ev(b, env)
        case {"op": "-", "args": [a]}:
            return -ev(a, env)
        case {"op": "-", "args": [a, b]}:
            return ev(a, env) - ev(b, env)
        case {"op": "let", "name": str(n), "value": v, "body": body}:
            return ev(body, {**env, n: ev(v, env)})
        case {"op": "if", "cond": c, "then": t, "else": e}:
            return ev(t, env) if ev(c, env) else ev(e, env)
        case {"op": op}:
            raise ValueError(f"unknown op {op!r}")
        case _:
            raise TypeError(f"bad node {node!r}")

tree = {"op": "let", "name": "x", "value": {"op": "+", "args": [1, 2, 3]},
        "body": {"op": "if", "cond": {"op": "-", "args": ["x", 6]},
                 "then": "no", "else": {"op": "*", "args": ["x", {"op": "-", "args": [2.5]}]}}}
print(ev(tree, {}))
for bad in [{"op": "%"}, [1], None]:
    try:
        ev(bad, {})
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

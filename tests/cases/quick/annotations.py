# annotations (sandpy never evaluates them; CPython does, so every name here exists)
from typing import Any, Callable, Optional

def summarize(items: list[dict[str, Any]], key: str = "n", *extra: int, limit: Optional[int] = None,
              **opts: "Options") -> dict[str, int | None]:
    total: int = 0
    seen: set
    for item in items:
        total += item.get(key, 0)
    return {"total": total, "limit": limit, "extra": len(extra), "opts": len(opts)}

print(summarize([{"n": 1}, {"n": 2}], "n", 1, 2, limit=3, a=1))
print(summarize([]))

def uses_unbound() -> str:
    x: int
    try:
        return x
    except UnboundLocalError as e:
        return "unbound: " + str(e)
print(uses_unbound())

count: int = 3
label: str
pair: tuple[int, int] = 1, 2
print(count, pair)
try:
    print(label)
except NameError as e:
    print("NameError", e)

def cb(f: Callable[[int, str], None], g: "a.b" = None) -> ...:
    return f, g
print(cb(1))

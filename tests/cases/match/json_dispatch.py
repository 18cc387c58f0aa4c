# Event dispatch over JSON-shaped data, the way agents write it.
import json

def handle(event):
    match event:
        case {"type": "click", "pos": [x, y]}:
            return f"click at ({x}, {y})"
        case {"type": "click", "pos": {"x": x, "y": y}}:
            return f"click via dict at ({x}, {y})"
        case {"type": "key", "key": str(k), "mods": [*mods]} if mods:
            return f"key {'+'.join(mods)}+{k}"
        case {"type": "key", "key": str(k)}:
            return f"key {k}"
        case {"type": "scroll", "delta": int(d) | float(d)}:
            return f"scroll {d}"
        case {"type": "batch", "events": [*events]}:
            return [handle(e) for e in events]
        case {"type": str(t), **rest}:
            return f"unknown type {t!r} with {sorted(rest)}"
        case {}:
            return "untyped mapping"
        case _:
            return "not an event"

events = [
    {"type": "click", "pos": [10, 20]},
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": [1, 2, 3]},
    {"type": "click", "pos": {"x": 5, "y": 6, "z": 7}},
    {"type": "key", "key": "a", "mods": ["ctrl", "shift"]},
    {"type": "key", "key": "b", "mods": []},
    {"type": "key", "key": 3},
    {"type": "scroll", "delta": -3},
    {"type": "scroll", "delta": 2.5},
    {"type": "scroll", "delta": "x"},
    {"type": "batch", "events": [{"type": "click", "pos": [0, 0]}, {"type": "key", "key": "z"}]},
    {"kind": "click"},
    [1, 2],
    "click",
    None,
]
for e in events:
    print(handle(e))

raw = '[{"type": "click", "pos": [3, 4]}, {"type": "key", "key": "q", "mods": ["alt"]}, {"type": "resize", "w": 3, "h": 4}]'
for e in json.loads(raw):
    print(handle(e))

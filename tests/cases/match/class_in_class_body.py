# A match statement in a class body binds class attributes.
class Config:
    raw = {"mode": "fast", "level": 3}
    match raw:
        case {"mode": mode, "level": int(level)}:
            summary = f"{mode}/{level}"
        case _:
            summary = "default"

print(Config.mode, Config.level, Config.summary)

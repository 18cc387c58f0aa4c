errors = ["x"]
if errors:
    raise SystemExit(3)

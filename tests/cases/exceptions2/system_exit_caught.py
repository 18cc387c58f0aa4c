try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught", e.code, e.args, repr(e))
try:
    raise SystemExit
except Exception:
    print("not an Exception")
except BaseException as e:
    print("BaseException", repr(e), e.code)
print(SystemExit(1, 2).code, SystemExit().code)

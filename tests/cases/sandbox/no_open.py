# sandpy-expected: open is absent from the sandbox
try:
    open("/etc/passwd")
except NameError as e:
    print(e)

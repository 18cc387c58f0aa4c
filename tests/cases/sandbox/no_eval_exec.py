# sandpy-expected: eval/exec/compile/__import__ are absent
for name in ["eval", "exec", "compile", "__import__", "input", "breakpoint", "help", "memoryview", "globals", "locals"]:
    try:
        f = {"eval": lambda: eval, "exec": lambda: exec, "compile": lambda: compile, "__import__": lambda: __import__, "input": lambda: input, "breakpoint": lambda: breakpoint, "help": lambda: help, "memoryview": lambda: memoryview, "globals": lambda: globals, "locals": lambda: locals}[name]
        f()
        print(name, "present")
    except NameError as e:
        print(e)

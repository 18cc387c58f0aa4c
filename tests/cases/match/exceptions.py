def boom():
    raise RuntimeError("in guard")

def f(v):
    match v:
        case [x] if boom():
            return "no"
        case _:
            return "default"

for i in range(3):
    try:
        f([i])
    except RuntimeError as e:
        print("caught", e, i)
print(f(5))

def g(v):
    try:
        match v:
            case {"div": [a, b]}:
                return a / b
            case {"key": k}:
                return {}[k]
    except ZeroDivisionError as e:
        return f"ZeroDivisionError: {e}"
    except KeyError as e:
        return f"KeyError: {e}"
    finally:
        print("finally", v)

print(g({"div": [1, 0]}))
print(g({"div": [6, 3]}))
print(g({"key": "missing"}))

# exceptions inside with/try inside a case body
def h(v):
    match v:
        case int(n):
            try:
                return 10 // n
            except ZeroDivisionError:
                return "zero"
            finally:
                print("cleanup", n)
print(h(0), h(5))

# try/except compiled by the quick compiler (module level and functions)
def risky(x):
    if x == 0:
        raise ValueError("zero")
    if x < 0:
        raise KeyError(x)
    return 10 // x

out = []
for v in [2, 0, -1, 5]:
    try:
        out.append(risky(v))
    except ValueError as e:
        out.append("value:" + str(e))
    except (KeyError, TypeError) as e:
        out.append("key:" + repr(e))
    else:
        out.append("ok")
print(out)

try:
    e = 1
    1 / 0
except ZeroDivisionError as e:
    print("caught", type(e).__name__)
try:
    print(e)
except NameError as err:
    print("cleared:", err)

def loops():
    res = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            res.append(i)
        except Exception:
            pass
    while True:
        try:
            raise RuntimeError("w")
        except RuntimeError as e:
            res.append(str(e))
            break
    for i in range(3):
        try:
            raise IndexError(i)
        except IndexError as e:
            if i == 1:
                continue
            res.append(e.args[0])
    return res
print(loops())

def returns(k):
    for i in range(3):
        try:
            if k == 0:
                return "in try"
            raise ValueError(k)
        except ValueError as e:
            if k == 1:
                return "in handler " + str(e)
            return [i, str(e)]
        finally_like = 1
print(returns(0), returns(1), returns(2))

def nested():
    try:
        try:
            {}["missing"]
        except KeyError as inner:
            raise TypeError("from handler") from inner
    except TypeError as outer:
        return type(outer.__cause__).__name__, str(outer)
print(nested())

def bare():
    try:
        [][1]
    except:
        return "bare"
print(bare())

def cells(xs):
    try:
        raise ValueError(3)
    except ValueError as e:
        return [e.args[0] * x for x in xs]
print(cells([1, 2]))

def closure_of_name(xs):
    try:
        raise ValueError(4)
    except ValueError as e:
        ys = [e.args[0] + x for x in xs]
    return ys
print(closure_of_name([1]))

def reraise():
    try:
        try:
            raise OSError("deep")
        except ValueError:
            print("not here")
    except OSError as e:
        return "outer " + str(e)
print(reraise())

try: x = int("12")
except ValueError: x = -1
else: x += 1
print(x)

def uncaught():
    try:
        raise KeyError("k")
    except ValueError:
        pass
try:
    uncaught()
except KeyError as e:
    print("propagated", e)

try:
    raise ValueError("last")
except ValueError as e:
    msg = str(e)
print(msg)
try:
    [1][5]
except IndexError as e:
    raise RuntimeError("final") from e

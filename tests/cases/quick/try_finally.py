# try/finally (with and without except clauses) compiled by the quick compiler
log = []

def plain(x):
    try:
        log.append("body")
        if x:
            return "early"
        log.append("after")
    finally:
        log.append("finally")
    return "late"
print(plain(True), plain(False), log)
log.clear()

def value_kept(xs):
    for x in xs:
        try:
            return [x, len(log)]
        finally:
            log.append(x)
print(value_kept([7, 8]), log)
log.clear()

def loops():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(i)
        finally:
            log.append("f%d" % i)
    while True:
        try:
            try:
                break
            finally:
                log.append("inner")
        finally:
            log.append("outer")
    return log
print(loops())
log.clear()

def full(k):
    try:
        if k == 0:
            raise ValueError("v")
        if k == 1:
            raise KeyError("k")
        log.append("ok")
    except ValueError as e:
        log.append("handled " + str(e))
        return "from handler"
    else:
        log.append("else")
    finally:
        log.append("fin%d" % k)
    return "end"
print(full(0), full(2), log)
try:
    full(1)
except KeyError as e:
    print("escaped", e, log)
log.clear()

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def swallow():
    for i in range(2):
        try:
            raise RuntimeError(i)
        finally:
            continue
    return "swallowed"
print(swallow())

def reraise_through():
    try:
        try:
            [][0]
        finally:
            log.append("cleanup")
    except IndexError as e:
        return type(e).__name__, log
print(reraise_through())

try:
    x = 1
finally:
    x += 1
print(x)
try: y = 2
finally: y *= 3
print(y)

def nested_return():
    try:
        try:
            return 1
        finally:
            log.append("a")
    finally:
        log.append("b")
log.clear()
print(nested_return(), log)

try:
    raise ValueError("final")
finally:
    print("last words")

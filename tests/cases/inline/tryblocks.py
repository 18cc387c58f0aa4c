# Comprehensions inside try/except/finally, raising and caught outside.
def boom(i):
    if i == 2:
        raise ValueError("boom %d" % i)
    return i
try:
    print([boom(i) for i in range(4)])
except ValueError as e:
    print("caught", e)
try:
    pass
finally:
    print([i * i for i in range(3)])
try:
    raise KeyError("k")
except KeyError as e:
    print([str(e) + c for c in "ab"])
    try:
        {i: 1 // (i - 1) for i in range(3)}
    except ZeroDivisionError as z:
        print("inner", z, type(z.__context__).__name__)
try:
    try:
        {boom(i) for i in range(5)}
    finally:
        print("finally ran")
except ValueError as e:
    print("outer", e)
try:
    [1 for _ in range(2)] + [boom(2) for _ in range(1)]
except ValueError as e:
    try:
        raise
    except ValueError as e2:
        print("re-raised", e2 is e)
# an iterator that raises partway
def gen():
    yield 1
    raise RuntimeError("gen failed")
try:
    print([x for x in gen()])
except RuntimeError as e:
    print("caught", e)
for attempt in range(3):
    try:
        vals = [boom(i + attempt) for i in range(2)]
        print("ok", vals)
    except ValueError:
        print("retry", attempt)
        continue
    break
# 19 statement blocks around a comprehension still compile (CPython counts statement blocks only)
try:
 try:
  try:
   try:
    try:
     try:
      try:
       try:
        try:
         try:
          try:
           try:
            try:
             try:
              try:
               try:
                try:
                 try:
                  try:
                   print([n for n in range(3)], {n: [m for m in range(n)] for n in range(2)})
                  finally: pass
                 finally: pass
                finally: pass
               finally: pass
              finally: pass
             finally: pass
            finally: pass
           finally: pass
          finally: pass
         finally: pass
        finally: pass
       finally: pass
      finally: pass
     finally: pass
    finally: pass
   finally: pass
  finally: pass
 finally: pass
finally: pass
print([boom(i) for i in range(3)])

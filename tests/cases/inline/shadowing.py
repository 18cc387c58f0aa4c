# Module-level comprehensions (inlined) never leak or clobber their targets.
v = 5
y = [v for v in range(3)]
print(v, y)
k = "kept"
d = {k: k * 2 for k in "ab"}
print(k, d)
s = {e % 3 for e in range(10)}
try:
    print(e)
except NameError as ex:
    print("NameError:", ex)
print(sorted(s))
pairs = [(a, b) for a in range(3) for b in range(a)]
try:
    print(a, b)
except NameError as ex:
    print("NameError:", ex)
print(pairs)
# the first iterable is evaluated outside: it sees the module's names
x = [1, 2]
x = [x for x in x]
print(x)
print([x for x in [x * 10 for x in x]], x)
# tuple targets, parentheses, a starred target
t = [(q, r) for (q, r) in [(1, 2), (3, 4)]]
print(t, [h + sum(rest) for h, *rest in [(1, 2, 3), (4,)]])
try:
    print(q)
except NameError as ex:
    print("NameError:", ex)
# names the comprehension does not bind are globals
scale = 3
print([scale * i for i in range(3)])
def scale_fn():
    return [scale * i for i in range(2)]
scale = 4
print(scale_fn())
# in a function: the same (3.11's nested function)
def f(v=7):
    w = [v for v in range(2)]
    return v, w, {v: 1 for v in "x"}, v
print(f())
# a comprehension in a loop and in a conditional
acc = []
for i in range(4):
    acc.append([j for j in range(i) if j % 2 == 0])
    if i == 2:
        break
print(acc, i)
print([c for c in "abc"] if acc else None)
# in f-strings and nested comprehensions (not inlined: the inner ones need a scope)
print(f"{[n * n for n in range(4)]}", [[m for m in range(n)] for n in range(3)])
print([f"{w}-{len(w)}" for w in ["ab", "c"]], [(lambda z: z + n)(1) for n in range(2)])
print([sum(m for m in range(n)) for n in range(4)])

# Huge subjects: patterns fetch what they need (a *_ pattern indexes instead of copying).
big = list(range(1_000_000))
match big:
    case [first, second, *_, last]:
        print(first, second, last)
match big:
    case [0, *rest] if len(rest) == 999_999:
        print("rest copied", rest[-1])
match big:
    case [*_]:
        print("star wildcard")
match big:
    case [a, b]:
        print("no")
    case (*_, 999_998, x):
        print("end", x)
bigd = {i: i * 2 for i in range(200_000)}
match bigd:
    case {0: z, 199_999: w, **rest}:
        print(z, w, len(rest))
match range(10**12):
    case [a, *_, b]:
        print(a, b)
for _ in range(20000):
    match {"type": "tick", "n": _}:
        case {"type": "tick", "n": int(n)} if n % 5000 == 0:
            print("tick", n)

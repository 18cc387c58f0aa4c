def run(program):
    out = []
    i = 0
    while True:
        match program[i]:
            case ["push", v]:
                out.append(v)
            case ["add"]:
                b, a = out.pop(), out.pop()
                out.append(a + b)
            case ["jmpz", target] if out and out[-1] == 0:
                i = target
                continue
            case ["jmpz", _]:
                pass
            case ["print"]:
                print(out[-1])
            case ["halt"]:
                break
            case other:
                raise ValueError(f"bad instruction {other}")
        i += 1
    return out

print(run([["push", 1], ["push", 2], ["add"], ["print"], ["push", 0], ["jmpz", 7], ["push", 99], ["halt"]]))
try:
    run([["nop"]])
except ValueError as e:
    print(e)

for x in range(6):
    match x % 3:
        case 0:
            continue
        case 1:
            print("one at", x)
        case _:
            if x > 4:
                break
            print("two at", x)
else:
    print("no break")
print("end")

def first_str(items):
    for it in items:
        match it:
            case str(s):
                return s
    return None
print(first_str([1, [], "found", "later"]))

# format() of ints through the stack-buffer path and str(int) fast path.
vals = [0, 7, -7, 42, -123456, 2**63 - 1, -2**63, 2**64, -2**70, True, False]
specs = ["", "05d", "d", ">10", "<10", "^9", "*^9d", "+d", " d", "-d", "x", "X", "#x", "#X",
         "#o", "#b", "b", ",d", "_d", "_x", "_b", "n", "010,d", "=+12", "€>12", "€^47",
         "0>47", "47", "48", "49", "z>4", "#060x", "c"]
for v in vals:
    row = []
    for sp in specs:
        try:
            row.append(format(v, sp))
        except (ValueError, OverflowError, TypeError) as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(row)
print([str(v) for v in vals], [f"{v}" for v in vals], [repr(v) for v in vals])
print([f"{i:05d}-{i * 7 % 13}" for i in range(-3, 12)])
print(f"{-0:05d}", f"{10**30:,d}", f"{-5:=8d}", f"{65:c}", f"{12:.3}" if False else "")
try:
    format(5, ".2d")
except ValueError as e:
    print(e)

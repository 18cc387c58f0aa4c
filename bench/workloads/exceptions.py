# Exceptions raised and caught in a loop: several types, hierarchy matching, finally, chaining.
N = 180000  # quick: 18000


def risky(i, d, lst):
    kind = i % 6
    if kind == 0:
        return 10 // (i % 2)
    if kind == 1:
        return d[f"missing-{i % 3}"]
    if kind == 2:
        return lst[i]
    if kind == 3:
        raise ValueError(f"bad value {i}")
    if kind == 4:
        return int(f"x{i}")
    return i


def run(n):
    d = {"a": 1}
    lst = [1, 2, 3]
    counts = {}
    finals = 0
    for i in range(n):
        try:
            try:
                risky(i, d, lst)
            except ZeroDivisionError as e:
                raise ArithmeticError("wrapped") from e
            finally:
                finals += 1
        except LookupError as e:
            name = type(e).__name__
            counts[name] = counts.get(name, 0) + 1
        except ArithmeticError as e:
            counts["arith"] = counts.get("arith", 0) + len(e.args)
        except ValueError as e:
            counts["value"] = counts.get("value", 0) + len(str(e))
    return finals, sorted(counts.items())


print(run(N))

def parse(xs):
    out, bad = [], 0
    for x in xs:
        try:
            out.append(int(x))
        except ValueError:
            bad += 1
    return out, bad
print(parse(['1', 'x', '3', '4.5', '-7', '']))

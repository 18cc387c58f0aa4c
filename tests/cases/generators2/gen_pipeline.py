def read():
    yield from ['3', 'x', '5']
def parse(xs):
    for s in xs:
        if s.isdigit():
            yield int(s)
print(sum(parse(read())), max(parse(read())))

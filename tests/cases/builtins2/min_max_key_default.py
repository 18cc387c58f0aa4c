print(max([], default=0), min('hello', key=lambda c: -ord(c)), max((1, 'a'), (1, 'b')), max([2, 2.0]), min(2.0, 2))

d = {}
print(d.get('a'), d.setdefault('a'), d)

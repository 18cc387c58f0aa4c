from collections import defaultdict
class D(defaultdict):
    label = "cls"
d = D(int, a=1)
d.note = "hi"
print(d.note, d.label, d.__dict__, d)
d.default_factory = list
print(d['z'], d)

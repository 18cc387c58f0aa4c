x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
class_ = [1, 2, 3]
del class_[0], class_[-1]
print(class_)
d = {'a': 1}
del d['a']
print(d)
if True:
    pass

try:
    len(obj=[1])
except TypeError as e:
    print(e)
try:
    print('x', bad=1)
except TypeError as e:
    print(e)

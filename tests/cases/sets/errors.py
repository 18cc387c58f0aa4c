try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
try:
    {1}.remove(5)
except KeyError as e:
    print('KeyError', e)
try:
    {[1]}
except TypeError as e:
    print(e)

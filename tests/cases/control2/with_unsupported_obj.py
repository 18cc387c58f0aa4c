class_like = 3
try:
    with class_like:
        pass
except TypeError as e:
    print(e)

# limits: 
# expect: ValueError
# match: ^ValueError: 1$
try:
    try:
        raise ValueError(1)
    except ValueError as a:
        try:
            raise TypeError(2)
        except TypeError as b:
            raise a
except ValueError as c:
    e = c
raise e

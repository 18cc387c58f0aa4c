def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

def not_a_type():
    match 5:
        case len():
            return "no"

def too_many():
    match 5:
        case int(1, 2):
            return "no"

def object_positional():
    match 5:
        case object(x):
            return "no"

def str_too_many():
    match "s":
        case str(a, b, c):
            return "no"

def instance_not_type():
    t = 5
    match 5:
        case t.real():
            return "no"

def no_match_no_error():
    match "s":
        case int(1, 2):
            return "never checked: not an instance"
        case _:
            return "isinstance comes first"

for f in [not_a_type, too_many, object_positional, str_too_many, instance_not_type, no_match_no_error]:
    attempt(f)

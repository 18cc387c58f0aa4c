# limits: --max-duration=1
# expect: ValueError
# match: ^ValueError: Exceeds the limit \(4300 digits\) for integer string conversion; use sys.set_int_max_str_digits\(\) to increase the limit$
str(10**100000)

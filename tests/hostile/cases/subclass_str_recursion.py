# str(x) of an int subclass whose __str__ formats itself with f"{self}"
# limits: --max-duration=10
# expect: RecursionError
class I(int):
    def __str__(self):
        return f"{self}"
print(I(3))

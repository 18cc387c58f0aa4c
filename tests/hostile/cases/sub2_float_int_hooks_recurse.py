# __float__/__int__ overrides on int/float subclasses that recurse
# limits: --max-memory=100000000 --max-duration=10
# expect: RecursionError
class F(float):
    def __float__(self):
        return float(self)
float(F(1.0))

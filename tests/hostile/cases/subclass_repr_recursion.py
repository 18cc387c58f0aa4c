# a float subclass whose __repr__ calls repr(self), inside a list repr
# limits: --max-duration=10
# expect: RecursionError
class F(float):
    def __repr__(self):
        return repr(self)
print([F(1.5)])

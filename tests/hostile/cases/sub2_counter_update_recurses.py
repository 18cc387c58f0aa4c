# Counter.__init__ calls self.update, which builds another instance: endless
# limits: --max-memory=100000000 --max-duration=10
# expect: RecursionError
from collections import Counter
class C(Counter):
    def update(self, *a, **k):
        C("x")
C("abc")

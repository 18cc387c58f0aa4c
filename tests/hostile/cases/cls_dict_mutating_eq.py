# __eq__ mutating the dict being looked up: CPython loops forever here; sandpy ends cleanly
# limits: --max-duration=2
# expect: ok|RuntimeError|TimeoutError
class Evil:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, o):
        self.d.clear()
        for i in range(100): self.d[i] = i
        return False
d = {}
d[Evil(d)] = 1
d[Evil(d)] = 2
d.get(Evil(d))
Evil(d) in d
print(len(d) > 0)

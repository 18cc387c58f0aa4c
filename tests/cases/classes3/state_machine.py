class State:
    def on(self, event): return self
    def __repr__(self): return type(self).__name__
class Idle(State):
    def on(self, e): return Running() if e == "start" else self
class Running(State):
    def on(self, e):
        return {"pause": Paused(), "stop": Idle()}.get(e, self)
class Paused(State):
    def on(self, e):
        return Running() if e == "resume" else Idle() if e == "stop" else self
s = Idle()
trace = []
for e in ["start", "pause", "resume", "noop", "stop", "start"]:
    s = s.on(e)
    trace.append(repr(s))
print(trace)

from enum import Enum, auto
class State(Enum):
    NEW = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()
    @property
    def terminal(self):
        return self in (State.DONE, State.FAILED)
    def next(self, ok=True):
        table = {State.NEW: State.RUNNING, State.RUNNING: State.DONE if ok else State.FAILED}
        return table.get(self, self)
s = State.NEW
trace = [s.name]
while not s.terminal:
    s = s.next(ok=len(trace) < 5)
    trace.append(s.name)
print(trace, s.terminal, State.NEW.terminal)
print({st: st.terminal for st in State})
events = ["NEW", "RUNNING", "DONE"]
print([State[e].value for e in events], State(3))

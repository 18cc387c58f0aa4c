from enum import Enum, auto
class Cmd(Enum):
    START = auto()
    STOP = auto()
    PAUSE = auto()
def handle(c):
    match c:
        case Cmd.START:
            return "starting"
        case Cmd.STOP | Cmd.PAUSE:
            return "halting " + c.name.lower()
        case _:
            return "?"
print([handle(c) for c in Cmd], handle(3))
counts = {}
for c in [Cmd.START, Cmd.STOP, Cmd.START]:
    counts[c] = counts.get(c, 0) + 1
print(counts, {c.name: c.value for c in Cmd}, sorted(Cmd, key=lambda c: c.name))
print(Cmd.START in {Cmd.START}, {Cmd.STOP, Cmd.STOP, Cmd.START} == {Cmd.START, Cmd.STOP})

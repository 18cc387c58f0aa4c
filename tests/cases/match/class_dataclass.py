from dataclasses import dataclass

@dataclass
class Move:
    dx: int
    dy: int

@dataclass
class Say:
    text: str
    loud: bool = False

def run(cmd):
    match cmd:
        case Move(0, 0):
            return "stay"
        case Move(dx, 0):
            return f"horizontal {dx}"
        case Move(dx=dx, dy=dy):
            return f"move {dx},{dy}"
        case Say(text, loud=True):
            return text.upper() + "!"
        case Say(text):
            return text

for c in [Move(0, 0), Move(3, 0), Move(1, 2), Say("hi"), Say("hey", loud=True), None]:
    print(run(c))

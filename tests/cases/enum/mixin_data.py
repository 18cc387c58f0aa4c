from enum import Enum
class Num(int, Enum):
    ONE = 1
    TWO = 2
print(repr(Num.ONE), str(Num.ONE), Num.ONE + Num.TWO, f"{Num.TWO}", Num(2), Num.ONE == 1)
class Describable:
    def describe(self):
        return "I am " + self.name
class Mood(Describable, Enum):
    HAPPY = 3
    SAD = 1
print(Mood.HAPPY.describe(), repr(Mood.SAD))
class Rgb(tuple, Enum):
    RED = (255, 0, 0)
print(Rgb.RED[0], Rgb.RED.value)

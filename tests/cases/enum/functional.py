from enum import Enum, IntEnum
Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(list(Animal), Animal.BEE.value, repr(Animal))
Shape = Enum('Shape', [('SQUARE', 4), ('TRIANGLE', 3)])
print(Shape(3), list(Shape))
Lvl = IntEnum('Lvl', {'LOW': 10, 'HIGH': 20})
print(Lvl.HIGH + 1, Lvl(10))
Names = Enum('Names', ['A', 'B'], start=5)
print(list(Names))

from enum import Enum
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
    def describe(self):
        return "%s has mass %s" % (self.name.title(), self.mass)
    @classmethod
    def biggest(cls):
        return max(cls, key=lambda p: p.mass)
    @staticmethod
    def unit():
        return "kg"
print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 3), Planet.MERCURY.describe())
print(Planet.biggest(), Planet.unit(), Planet.EARTH.mass)
print(Planet((5.976e+24, 6.37814e6)))

class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
for a in [Animal("x"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), isinstance(a, Animal), isinstance(a, Dog), type(a).__name__)
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, object))
print(Puppy.__bases__, Puppy.__base__, Puppy.__mro__)

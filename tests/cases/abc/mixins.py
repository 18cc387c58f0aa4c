from abc import ABC, abstractmethod
class Readable(ABC):
    @abstractmethod
    def read(self): ...
class Writable(ABC):
    @abstractmethod
    def write(self, data): ...
class Logged:
    def log(self, msg):
        return "[log] " + msg
class File(Logged, Readable, Writable):
    def __init__(self):
        self.buf = []
    def read(self):
        return "".join(self.buf)
    def write(self, data):
        self.buf.append(data)
        return len(data)
class ReadOnly(Readable, Writable):
    def read(self): return ""
f = File()
f.write("ab")
f.write("cd")
print(f.read(), f.log("x"), isinstance(f, Readable), isinstance(f, Writable))
try:
    ReadOnly()
except TypeError as e:
    print(e)
print([c.__name__ for c in File.__mro__], type(File).__name__)

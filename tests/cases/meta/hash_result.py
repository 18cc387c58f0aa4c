class Big:
    def __hash__(self):
        return 2 ** 62 + 5
class Neg:
    def __hash__(self):
        return -1
class Huge:
    def __hash__(self):
        return 2 ** 100
class Flag:
    def __hash__(self):
        return True
print(hash(Big()), hash(Neg()), hash(Huge()), hash(Flag()))
class M(type):
    def __hash__(cls):
        return 12345
class K(metaclass=M): pass
print(hash(K), {K: 1}[K])

class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq called")
        return self.v == o.v
print(E(1) != E(1), E(1) != E(2))
class F:
    def __ne__(self, o): return "custom ne"
print(F() != F(), F() == F())

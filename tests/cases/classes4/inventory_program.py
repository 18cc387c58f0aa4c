from dataclasses import dataclass, field
class OutOfStock(Exception):
    def __init__(self, sku, want, have):
        super().__init__(f"{sku}: want {want}, have {have}")
        self.sku = sku
@dataclass(order=True)
class Product:
    price: float
    sku: str = field(compare=False)
    stock: int = field(default=0, compare=False)
class Inventory:
    def __init__(self):
        self.products = {}
    def add(self, p):
        self.products[p.sku] = p
        return self
    def take(self, sku, n):
        p = self.products[sku]
        if p.stock < n:
            raise OutOfStock(sku, n, p.stock)
        p.stock -= n
        return p.price * n
    def __iter__(self):
        return iter(sorted(self.products.values()))
inv = Inventory().add(Product(2.5, "apple", 10)).add(Product(1.0, "pear", 1))
print(inv.take("apple", 4), [p.sku for p in inv])
try:
    inv.take("pear", 2)
except OutOfStock as e:
    print("error:", e, e.sku)
print(list(inv))

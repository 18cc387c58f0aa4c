class Order:
    def __init__(self):
        self.quantity = 2
        self.price = 1.5

o = Order()
print(o.quantity)
print(o.quantiy * o.price)

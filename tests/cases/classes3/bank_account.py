class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed, self.available = needed, available
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self): return self._balance
    def deposit(self, amt):
        if amt <= 0: raise ValueError("amount must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self._balance: raise InsufficientFunds(amt, self._balance)
        self._balance -= amt
        self.history.append(("wd", amt))
        return self
    def __repr__(self): return f"Account({self.owner!r}, {self._balance})"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        return self.deposit(round(self._balance * self.rate, 2))
a = Savings("ann", 100).deposit(50).add_interest()
print(a, a.id, a.history, a.balance)
try:
    a.withdraw(1000)
except InsufficientFunds as e:
    print(e, e.needed)
try:
    a.balance = 5
except AttributeError as e:
    print(e)
b = Account("bob")
print(b.id, Account._next_id, [x.owner for x in (a, b)])

class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.needed, self.available = needed, available
class Ledger:
    def __init__(self):
        self.balances = {}
        self.history = []
    def apply(self, tx):
        kind, acct, amount = tx["type"], tx["account"], tx.get("amount", 0)
        if amount < 0: raise ValueError(f"negative amount in {tx}")
        bal = self.balances.get(acct, 0.0)
        if kind == "deposit": bal += amount
        elif kind == "withdraw":
            if amount > bal: raise InsufficientFunds(amount, bal)
            bal -= amount
        else: raise KeyError(kind)
        self.balances[acct] = round(bal, 2)
        self.history.append((acct, kind, amount))
txs = [{"type": "deposit", "account": "A", "amount": 100}, {"type": "withdraw", "account": "A", "amount": 30.5},
       {"type": "withdraw", "account": "B", "amount": 1}, {"type": "refund", "account": "A", "amount": 5},
       {"type": "deposit", "account": "B", "amount": -2}, {"type": "deposit", "account": "B", "amount": 0.1},
       {"type": "deposit", "account": "B", "amount": 0.2}, {"type": "withdraw", "account": "A"}]
led = Ledger()
for i, tx in enumerate(txs):
    try:
        led.apply(tx)
    except InsufficientFunds as e:
        print(f"tx{i}: insufficient funds ({e}); needed={e.needed}")
    except KeyError as e:
        print(f"tx{i}: unknown type {e}")
    except ValueError as e:
        print(f"tx{i}: invalid: {e}")
    else:
        print(f"tx{i}: ok -> {led.balances}")
print(led.balances, len(led.history), sum(a for _, k, a in led.history if k == "deposit"))
print("{:<4}|{:>10}".format("acct", "balance")); print("-" * 15)
for acct, bal in sorted(led.balances.items(), key=lambda kv: -kv[1]): print(f"{acct:<4}|{bal:>10,.2f}")

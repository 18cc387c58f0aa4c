import re
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")
def tokenize(s):
    for num, op in TOKEN.findall(s):
        if num: yield ("num", float(num) if "." in num else int(num))
        elif op.strip(): yield ("op", op)
class Parser:
    def __init__(self, text):
        self.toks = list(tokenize(text)); self.i = 0
    def peek(self): return self.toks[self.i] if self.i < len(self.toks) else (None, None)
    def take(self):
        t = self.peek(); self.i += 1; return t
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]; r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]; r = self.factor()
            v = v * r if op == "*" else v / r if op == "/" else v % r
        return v
    def factor(self):
        kind, val = self.take()
        if kind == "num": return val
        if val == "-": return -self.factor()
        if val == "(":
            v = self.expr()
            if self.take()[1] != ")": raise SyntaxError("expected )")
            return v
        raise ValueError(f"unexpected token {val!r}")
for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "2 * (3 + 4) - -1", "7 % 3 + 0.5", "1 / 0", "2 +", "(1 + 2", "3 $ 4"]:
    try:
        print(f"{src!r:>20} => {Parser(src).expr()}")
    except ZeroDivisionError as e:
        print(f"{src!r:>20} => error: {e}")
    except (ValueError, SyntaxError) as e:
        print(f"{src!r:>20} => {type(e).__name__}: {e}")

from __future__ import annotations
from dataclasses import dataclass, field
@dataclass
class Order:
    id: int
    lines: list[tuple[str, int]] = field(default_factory=list)
    note: str | None = None
    def add(self, sku: str, n: int) -> Order:
        self.lines.append((sku, n))
        return self
o = Order(7).add("a", 2).add("b", 1)
print(o, Order.__annotations__)

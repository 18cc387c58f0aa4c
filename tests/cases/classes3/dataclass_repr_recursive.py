from dataclasses import dataclass, field
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
    parent: object = None
root = Node(1)
kid = Node(2, parent=root)
root.children.append(kid)
print(repr(kid))
print(root)
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())

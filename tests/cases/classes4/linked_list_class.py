class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val, self.next = val, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self): return self.size
    def __contains__(self, v): return any(x == v for x in self)
    def __repr__(self): return "LL(" + " -> ".join(map(repr, self)) + ")"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
ll = LinkedList([1, 2, 3])
print(ll, len(ll), 2 in ll, 5 in ll, ll.reverse(), list(ll), bool(LinkedList()))

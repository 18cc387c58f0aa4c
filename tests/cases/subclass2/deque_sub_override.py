from collections import deque
class Stack(deque):
    def push(self, x):
        self.append(x)
    def append(self, x):
        print("append", x)
        super().append(x)
s = Stack()
s.push(1)
s.push(2)
print(s, s.pop(), len(s))
s.extend([7, 8])
print(s)

from collections import deque
class Window(deque):
    def __init__(self, it, size):
        super().__init__(it, maxlen=size)
        self.size = size
    def mean(self):
        return sum(self) / len(self)
w = Window([1, 2, 3, 4, 5], 3)
print(w, w.size, w.maxlen, w.mean())
w.append(10)
print(w, w.mean(), w[0], w[-1])

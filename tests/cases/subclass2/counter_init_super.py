from collections import Counter
class Words(Counter):
    def __init__(self, text):
        super().__init__(text.split())
        self.text = text
w = Words("a b a c a")
print(w, w.text, w.most_common(2))
print(list(w.elements()))

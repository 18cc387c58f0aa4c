import random
random.seed(99)
print([random.choice('abcdefg') for _ in range(10)], random.choice([10, 20, 30]), random.choice(range(1000)))
l = list(range(20)); random.shuffle(l); print(l)
l = ['a', 'b', 'c']; random.shuffle(l); print(l)
l = [1]; random.shuffle(l); print(l)
random.seed(42)
deck = [r + s for s in 'SHDC' for r in '23456789TJQKA']
random.shuffle(deck); print(deck[:13])

# sandpy-expected: no entropy in the sandbox: without a seed from the host, random uses the fixed seed 0
import random
print(random.random() == random.Random(0).random())
random.seed()
print(random.random() == random.Random(0).random())
random.seed(None)
a = random.random()
print(a == random.Random(None).random() == random.Random().random())
random.seed(1)
print(random.random())

# sandpy-expected: no entropy in the sandbox: unseeded random raises
import random
try:
    random.random()
except RuntimeError as e:
    print(e)
random.seed(1)
print(random.random())

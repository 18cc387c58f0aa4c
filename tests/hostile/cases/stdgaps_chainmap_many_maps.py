# A ChainMap over 10**7 references to one dict (list of maps alone is ~80 MB).
# limits: --max-memory=67108864 --max-duration=5
# expect: MemoryError|TimeoutError
from collections import ChainMap
d = {'k': 1}
cm = ChainMap(*([d] * 10 ** 7))
print(len(cm), cm['missing'])

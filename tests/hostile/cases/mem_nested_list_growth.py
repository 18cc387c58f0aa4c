# a list nested ever deeper until the limit; then it is freed
# limits: --max-memory=67108864
# expect: MemoryError
x = []
while True:
    x = [x]

import heapq
import itertools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = ["2024-01-01T10:00:00 web1 start", "2024-01-01T10:05:00 web1 req", "2024-01-01T10:09:00 web1 stop"]
b = ["2024-01-01T10:01:30 web2 start", "2024-01-01T10:05:00 web2 req", "2024-01-01T10:07:00 web2 stop"]
c = ["2024-01-01T09:59:59 db boot"]
for line in heapq.merge(a, b, c, key=lambda s: s.split()[0]):
    print(line)
print(heapq.nlargest(2, a + b + c, key=lambda s: s.split()[1]))
print(heapq.nsmallest(3, a + b + c, key=len))

from string import Template
t = Template("$a and ${b}")
for kw in [{}, {"a": 1}, {"b": 2}]:
    try:
        print(t.substitute(**kw))
    except KeyError as e:
        print("KeyError", e)
class Loud(dict):
    def __missing__(self, k):
        return k.upper()
print(t.substitute(Loud()))
print(t.substitute({"a": [1]}, b=(2,)))
try:
    t.substitute({}, {})
except TypeError as e:
    print("TypeError", e)

# **rest copies a dict subclass like dict(subject): no __getitem__ calls.
class Loud(dict):
    def get(self, key, default=None):
        print("get", repr(key))
        return dict.get(self, key, default)
    def __getitem__(self, key):
        print("getitem", repr(key))
        return dict.__getitem__(self, key)

match Loud(a=1, b=2, c=3):
    case {"a": 1, **rest}:
        print("matched", rest, type(rest).__name__)

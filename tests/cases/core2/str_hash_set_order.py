print(hash("a"), hash("abc"), hash(""), hash(b"a"), hash(b""), hash("é"), hash("€uro"), hash("😀x"), hash("abcdefghijklmnopqrstuvwxyz"), hash(b"abcdefghi"))
print({"y","x","z"}, set("abcdef"), {"apple", "banana", "cherry"}, set("hello world"), {"é", "ü", "€", "😀"})
print(set("the quick brown fox jumps over the lazy dog".split()))
print({("a", 1), ("b", 2)}, frozenset({"k", "j"}))

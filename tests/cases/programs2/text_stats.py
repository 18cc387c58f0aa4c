import string
from collections import Counter
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness..."""
words = [w.strip(string.punctuation).lower() for w in TEXT.split()]
words = [w for w in words if w]
freq = Counter(words)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
width = max(len(w) for w, _ in top)
for w, n in top: print(f"{w:<{width}} {n:>3} {'#' * n}")
print(len(words), len(freq), round(sum(map(len, words)) / len(words), 3))
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), max(sentences, key=len), min(sentences, key=len))
letters = Counter(c for c in TEXT.lower() if c.isalpha())
print(letters.most_common(5), sum(letters.values()))
caesar = lambda s, k: s.translate(str.maketrans(string.ascii_lowercase, string.ascii_lowercase[k:] + string.ascii_lowercase[:k]))
enc = caesar("attack at dawn", 3); print(enc, caesar(enc, -3 % 26))
print(" ".join(w.capitalize() for w in "the old man and the sea".split()), "the old man".title())
acr = "".join(w[0].upper() for w in "portable network graphics".split()); print(acr)
print({w: len(w) for w in sorted(set(words)) if len(w) > 7})
print(string.Template("$who likes $what").substitute(who="tim", what="kung pao") if hasattr(string, "Template") else "")

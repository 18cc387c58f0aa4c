# String building and methods: join, split, replace, case, find, slicing, f-strings.
N = 80000  # quick: 8000

WORDS = ["alpha", "Beta", "gamma", "DELTA", "epsilon", "zeta", "Eta", "theta"]


def build(n):
    parts = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        parts.append(f"{w}-{i:05d}:{i * 7 % 13}")
    return ",".join(parts)


def churn(text):
    total = 0
    for item in text.split(","):
        name, _, num = item.partition(":")
        word, _, idx = name.partition("-")
        up = word.upper()
        low = word.lower()
        if up.startswith("E") or low.endswith("a"):
            total += len(up) + int(num)
        s = low.replace("a", "4").replace("e", "3")
        total += s.find("3") + s.count("4")
        total += len(idx.lstrip("0")) + (word.isupper() * 3)
        r = (word + idx)[::-1]
        total += ord(r[0]) + ord(r[-1])
        s2 = "<" + word.center(12, "*") + ">"
        total += s2.index(word)
        if word.title() == word:
            total += 1
    return total


text = build(N)
print(len(text), churn(text))
lines = []
for k in range(N // 4):
    lines.append(f" {WORDS[k % 8]} | {k} | {hex(k)} ")
joined = "\n".join(line.strip() for line in lines)
print(len(joined), joined.count("|"), joined[-20:])

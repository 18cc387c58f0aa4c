text = """the cat sat on the mat the end
a cat is not a dog"""
counts = {}
for line in text.splitlines():
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
for w, c in top:
    print(f'{w:>5} {c}')

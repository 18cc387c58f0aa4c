text = """name,age,city
Alice,30,NYC
Bob,25,LA
Carol,35,NYC
"""
lines = text.strip().split("\n")
header = lines[0].split(",")
rows = [dict(zip(header, l.split(","))) for l in lines[1:]]
print(rows)
for r in rows: r["age"] = int(r["age"])
avg = sum(r["age"] for r in rows) / len(rows)
print(f"avg={avg}", f"avg={avg:.3f}", round(avg, 1))
cities = {}
for r in rows: cities[r["city"]] = cities.get(r["city"], 0) + 1
print(cities)
print(sorted(rows, key=lambda r: r["age"])[0]["name"])
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words: freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda x: x[1], reverse=True)[:3]
print(top)
print(" | ".join(f"{w}:{n}" for w, n in top))
print(list(enumerate(words[:3], 1)), list(zip(words, words[1:]))[:2])
import re
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"\s+", " ", "a   b \n c"))
log = ["2024-01-01 ERROR disk full", "2024-01-01 INFO ok", "2024-01-02 ERROR net down"]
errs = [l.split(" ", 2)[2] for l in log if " ERROR " in l]
print(errs)
table = [["x", 1, 2.5], ["longer", 22, 3.14159]]
for row in table:
    print("{:<8}|{:>4}|{:>8.2f}".format(*row))
print("%-8s|%4d|%8.2f" % tuple(table[1]))
def parse_kv(s):
    return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in s.split(";") if p)}
print(parse_kv("a = 1; b=2;c= x=y"))
print(" ".join(reversed("hello world".split())), "hello world"[::-1], "racecar" == "racecar"[::-1])
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(nums), sorted(nums, reverse=True), nums.index(1), nums.count(1), sum(nums) / len(nums), sorted(set(nums)))
print([n ** 2 for n in nums if n % 2], list(map(lambda x: x * 2, nums)), list(filter(None, [0, 1, "", "a", None])))
print(any(n > 8 for n in nums), all(n > 0 for n in nums), min(nums), max(nums, key=lambda n: -n))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)], [x for row in matrix for x in row])

# strs of 2 GiB and more are refused before anything is allocated (str
# lengths are 32-bit, SP_STR_MAX): a catchable MemoryError, the run goes on.
# limits: --max-memory=60000000 --max-duration=20
# expect: ok
for n in (2**31, 2**32 - 1, 2**32, 2**33):
    for make in (lambda: "ab" * n, lambda: "x" * n, lambda: f"{'':>{n}}"):
        try:
            make()
            print("built", n)
        except (MemoryError, OverflowError, ValueError) as e:
            print(type(e).__name__, n)
s = "ab" * 10**6
print(len(s), len(s.upper()), s.find("ba"), s.count("ab"), len(s.split("b")))
print(len(f"{7:>1000000}"), len(format(-7, "*^1000001d")), len("é" * 10**6 + "x"))

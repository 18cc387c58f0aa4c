# issue 4 target: two ~3,000,000-digit ints under 200 ms stop within 300 ms
# limits: --max-duration=0.2
# expect: TimeoutError|ok
a = (1 << 10**7) - 1
b = a - 12345
c = a * b

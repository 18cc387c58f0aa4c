# limits: --max-duration=0.5
# expect: TimeoutError|ok
# Algorithm D with a quotient of ~600k words, each a multiply-subtract over
# a 16k-word divisor: the per-word limit poll must stop it.
a = (1 << 40_000_000) - 12345
b = (1 << 1_000_000) + 7
q, r = divmod(a, b)
print(q.bit_length())

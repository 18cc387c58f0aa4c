from functools import lru_cache
def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a, 1):
        for j, y in enumerate(b, 1):
            dp[i][j] = dp[i-1][j-1] + 1 if x == y else max(dp[i-1][j], dp[i][j-1])
    out, i, j = [], len(a), len(b)
    while i and j:
        if a[i-1] == b[j-1]: out.append(a[i-1]); i -= 1; j -= 1
        elif dp[i-1][j] >= dp[i][j-1]: i -= 1
        else: j -= 1
    return "".join(reversed(out))
def edit_distance(s, t):
    prev = list(range(len(t) + 1))
    for i, a in enumerate(s, 1):
        cur = [i]
        for j, b in enumerate(t, 1):
            cur.append(min(prev[j] + 1, cur[j-1] + 1, prev[j-1] + (a != b)))
        prev = cur
    return prev[-1]
def knapsack(items, cap):
    @lru_cache(maxsize=None)
    def best(i, c):
        if i == len(items): return 0
        w, v = items[i]
        skip = best(i + 1, c)
        return max(skip, v + best(i + 1, c - w)) if w <= c else skip
    return best(0, cap)
def coin_change(coins, amount):
    dp = [0] + [float("inf")] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]: dp[a] = dp[a - c] + 1
    return dp[amount] if dp[amount] != float("inf") else -1
print(lcs("ABCBDAB", "BDCABA"), edit_distance("kitten", "sitting"), edit_distance("", "abc"))
print(knapsack(((2, 3), (3, 4), (4, 5), (5, 6)), 5), coin_change([1, 5, 10, 25], 63), coin_change([2], 3))
def sieve(n):
    is_p = [True] * (n + 1); is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]: is_p[i*i::i] = [False] * len(is_p[i*i::i])
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(100); print(ps[-5:], len(ps), sum(ps))
fib = [0, 1]
while len(fib) < 100: fib.append(fib[-1] + fib[-2])
print(fib[99], len(str(fib[99])), fib[99] % 1000007, f"{fib[80]:,}")

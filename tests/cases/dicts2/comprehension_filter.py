print({k: v for k, v in zip('abcd', range(4)) if v % 2})

# limits: --max-memory=268435456
# expect: ok
# stdout: ^2500002\n$
x = (1 << 10**7) - 1
print(len(hex(x)))

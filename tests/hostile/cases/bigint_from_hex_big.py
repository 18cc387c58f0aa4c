# limits: --max-memory=268435456 --max-duration=5
# expect: ok|TimeoutError
x = int('f' * 10**6, 16)
print(x.bit_length())

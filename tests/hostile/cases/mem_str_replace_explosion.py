# limits: --max-memory=67108864
# expect: MemoryError
('a' * 1000).replace('', 'b' * 10**6)

# limits: --max-memory=67108864
# expect: MemoryError
('x' * 10**6).join(['y' * 10**6] * 100)

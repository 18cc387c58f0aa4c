# limits: --max-duration=0.5
# expect: TimeoutError
for i in range(10**9):
    try:
        while True:
            pass
    finally:
        break
print('escaped')

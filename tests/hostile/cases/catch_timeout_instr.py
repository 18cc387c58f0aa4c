# limits: --max-instructions=1000000
# expect: TimeoutError
n = 0
while True:
    try:
        while True:
            n += 1
    except:
        pass

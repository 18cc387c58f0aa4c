# join keeps its parts (as CPython does) but the temporaries behind them are garbage
# limits: --max-memory=48000000 --max-duration=60
# expect: ok
print(len(''.join(map(str.strip, map(' {} '.format, range(3 * 10**5))))))

cfg = {'db': {'hosts': ['a', 'b'], 'port': 5432}}
print(cfg['db']['hosts'][-1], cfg.get('x', {}).get('y', 'none'))

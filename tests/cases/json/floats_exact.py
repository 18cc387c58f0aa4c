import json
print(json.dumps([0.1, 1/3, 1e-7, 123456789.0, 2.5e-300, 1e22, -0.0, 100.0, 5e-324]))
print(json.loads('[0.1, 1e400, 2.5e-300]'))

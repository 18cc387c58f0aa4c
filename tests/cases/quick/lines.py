# Multi-line statements: the line of an error must be CPython's.
config = {
    'name': 'x',
    'values': [
        1,
        2,
    ],
}
total = (config['values'][0]
         + config['values'][1])
print(total)
result = [
    v * 2
    for v in config['values']
    if v
]
print(result)
items = config[
    'values'
]
print(items, config
      ['name'])
print(config.get(
    'missing',
    'default'))
x = config['values'][
    0] + \
    1
print(x)
print({
    'a': 1,
    'b': config['name'],
}['b'])
value = config['values'][5 - 4] + config[
    'nope'
]

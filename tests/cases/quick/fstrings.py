# f-strings: fields, conversions, specs (nested), self-documenting, concatenation.
x, w, name, items = 3.14159, 10, 'sandpy', [1, 2, 3]
print(f'{x}', f'{x!r}', f'{name!s:>{w}}|', f'{x:.2f}', f'{x=}', f'{x = :.1f}', f'{name=!s}')
print(f'{{literal}} {len(items)} items: {", ".join(str(i) for i in items)}')
print('plain ' f'{name.upper()}' ' and ' f"{items[0] + items[-1]}")
print(f'{x:{w}.{2}f}|{"nested":^{w}}|', f'', f'{""}', f'{name:{""}>{w}}')
rows = [f'{i:03d}-{i * i:>4}' for i in range(4)]
print(rows, [f'{r!r}' for r in 'ab'])
print(f'''multi
{name}
line''', F'{1, 2}', f'{[a for a in "xy"]}', rf'\d{x:.0f}', fr'{name}\n')
d = {'k': 'v'}
print(f"{d['k']}", f'{d["k"]}')
print(f'{x:>10.3f}', f'{12345678:,}', f'{0.5:%}', f'{255:#x}', f'{"s":*<5}')

x, y = 3, 'hi'
print(f'{x} {y} {x + 1} {y!r} {y!s} {"é"!a}')
print(f'{x=}', f'{y = }', f'{x*2=:>5}')
print(f'{3.14159:.2f} {42:05d} {"s":>4} {255:#x} {1234567:,} {0.5:%}')
w, p = 10, 3
print(f'{3.14159:{w}.{p}f}|', f'{{literal}}', f'{"nested " + f"{x}"}')

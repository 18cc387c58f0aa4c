from collections import deque
GRID = """\
S..#......
.#.#.####.
.#...#....
.####.#.#.
......#.#E"""
g = [list(r) for r in GRID.splitlines()]
R, C = len(g), len(g[0])
find = lambda ch: next((r, c) for r in range(R) for c in range(C) if g[r][c] == ch)
start, end = find("S"), find("E")
prev = {start: None}; q = deque([start])
while q:
    r, c = q.popleft()
    if (r, c) == end: break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < R and 0 <= nc < C and g[nr][nc] != "#" and (nr, nc) not in prev:
            prev[(nr, nc)] = (r, c); q.append((nr, nc))
path, node = [], end
while node: path.append(node); node = prev[node]
print("steps:", len(path) - 1)
for r, c in path[1:-1]: g[r][c] = "*"
print("\n".join("".join(row) for row in g))
def life(cells, n):
    for _ in range(n):
        counts = {}
        for (x, y) in cells:
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    if dx or dy: counts[(x + dx, y + dy)] = counts.get((x + dx, y + dy), 0) + 1
        cells = {p for p, k in counts.items() if k == 3 or (k == 2 and p in cells)}
    return cells
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
print(sorted(life(glider, 4)), len(life(glider, 20)))

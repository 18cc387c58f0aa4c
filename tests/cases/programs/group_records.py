records = [
    {'name': 'a', 'dept': 'x', 'salary': 100},
    {'name': 'b', 'dept': 'y', 'salary': 200},
    {'name': 'c', 'dept': 'x', 'salary': 150},
]
groups = {}
for r in records:
    groups.setdefault(r['dept'], []).append(r)
summary = {d: {'count': len(rs), 'avg': sum(r['salary'] for r in rs) / len(rs), 'names': [r['name'] for r in rs]} for d, rs in groups.items()}
print(summary)
summary

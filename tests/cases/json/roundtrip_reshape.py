import json
orders = json.loads('[{"id": 1, "customer": "ann", "total": 30.5, "items": ["a", "b"]}, {"id": 2, "customer": "bob", "total": 12.25, "items": []}, {"id": 3, "customer": "ann", "total": 7.0, "items": ["c"]}]')
by_customer = {}
for o in orders:
    c = by_customer.setdefault(o['customer'], {'orders': 0, 'total': 0.0, 'items': []})
    c['orders'] += 1
    c['total'] += o['total']
    c['items'].extend(o['items'])
print(json.dumps(by_customer, sort_keys=True))
print(json.dumps(sorted(by_customer.items(), key=lambda kv: -kv[1]['total']), indent=1))

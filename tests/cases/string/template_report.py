from string import Template
t = Template("Dear $name,\nyour order #$id of ${qty}x $item costs $$${price}.\n")
orders = [
    {"name": "Ann", "id": 1, "qty": 2, "item": "pen", "price": "3.50"},
    {"name": "Bo", "id": 22, "qty": 1, "item": "ink", "price": 12},
]
for o in orders:
    print(t.substitute(o), end="")
print(t.safe_substitute(name="Cy"), end="")
print(t.get_identifiers())
print(t.is_valid(), t.template.count("$"))

import copy
config = {"db": {"hosts": ["a", "b"], "port": 5432}, "debug": False}
shallow = copy.copy(config)
deep = copy.deepcopy(config)
config["db"]["hosts"].append("c")
config["debug"] = True
print(shallow["db"]["hosts"], shallow["debug"])
print(deep["db"]["hosts"], deep["debug"])
grid = [[0] * 3 for _ in range(3)]
g2 = copy.deepcopy(grid)
g2[1][1] = 5
print(grid, g2)
s = {1, 2, 3}
s2 = copy.copy(s)
s2.add(4)
print(sorted(s), sorted(s2))

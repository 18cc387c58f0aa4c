class Version(str):
    def __lt__(self, other):
        return [int(p) for p in self.split(".")] < [int(p) for p in other.split(".")]
vs = [Version("1.10"), Version("1.2"), Version("1.9")]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True), Version("2.0") < Version("10.0"))
print(sorted(["b", "a"]), "1.10" < "1.2", Version("1.10") > Version("1.2"))

from typing import Optional, List, Dict
class Config:
    name: str
    retries: int = 3
    tags: list[str] = []
    extra: dict[str, int] | None = None
    opt: Optional[List[int]] = None
    def method(self, x: "Undefined") -> "AlsoUndefined":
        return x
print(Config.__annotations__)
print(Config.retries, hasattr(Config, "name"), Config().method(1))
class Empty:
    pass
print(Empty.__annotations__)
print(int | None, list[int], dict[str, list[int]], tuple[int, ...])
print(isinstance(1, int | str), isinstance(None, int | None), isinstance("s", int | float))
try:
    class Bad:
        x: Undefined = 1
except NameError as e:
    print(e)

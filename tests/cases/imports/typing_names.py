from typing import List, Dict, Optional, Any, Union, Tuple, Callable, cast
import typing
def f(x: List[int], y: Optional[Dict[str, Any]] = None) -> Tuple[int, ...]:
    return tuple(x)
print(f([1, 2]), cast(int, '3'), typing.TYPE_CHECKING)
x: int = 5
y: List[str]
print(x)

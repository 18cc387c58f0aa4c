from enum import StrEnum, auto
class Method(StrEnum):
    GET = auto()
    POST = "post"
print(Method.GET, repr(Method.POST), str(Method.GET), f"{Method.POST}!", Method.GET == "get")
print(Method.GET.upper(), Method("post"), "x-" + Method.GET, len(Method.POST), Method.GET in {"get"})
print(list(Method), Method.POST.value)
try:
    class Bad(StrEnum):
        A = 1
except TypeError as e:
    print(e)

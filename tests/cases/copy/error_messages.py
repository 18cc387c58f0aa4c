import copy
for f in (lambda: copy.copy(), lambda: copy.deepcopy(), lambda: copy.deepcopy(1, 2),
          lambda: copy.copy(1, 2)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
class Bad:
    def __deepcopy__(self, memo):
        raise RuntimeError("no deep copies")
try:
    copy.deepcopy([Bad()])
except RuntimeError as e:
    print("RuntimeError", e)

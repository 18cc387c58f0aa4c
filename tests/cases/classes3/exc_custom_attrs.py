class AppError(Exception):
    def __init__(self, msg, code=500):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found", 404)
        self.what = what
try:
    raise NotFound("page")
except AppError as e:
    print(type(e).__name__, e, e.code, e.what, e.args, repr(e))
try:
    raise NotFound("x")
except Exception as e:
    print(isinstance(e, AppError), isinstance(e, LookupError))
print(NotFound.__mro__)

# The abc module, run by sandpy at import (embedded into sp_pymod.c by
# tools/embed_py.py).  It behaves as CPython 3.11's abc: ABCMeta computes
# __abstractmethods__ (the interpreter refuses to instantiate a class whose
# set is not empty) and answers isinstance()/issubclass() through
# __instancecheck__/__subclasscheck__ with registered virtual subclasses.
# The registry of a class lives in its _abc_impl; the classes deriving from
# an ABC are tracked there too, since type.__subclasses__ does not exist.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    for f in (fget, fset, fdel):
        if f is not None:
            f.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


# bumped by every register(): negative caches older than it are stale
_token = [0]


def get_cache_token():
    return _token[0]


class _Impl:
    __slots__ = ('registry', 'subclasses', 'cache', 'negative', 'version')

    def __init__(self):
        self.registry = []
        self.subclasses = []
        self.cache = set()
        self.negative = set()
        self.version = _token[0]


def _is_abstract(value):
    return bool(getattr(value, '__isabstractmethod__', False))


def _abstracts(cls, namespace, bases):
    found = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                found.add(name)
    return frozenset(found)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts(cls, namespace, bases)
        cls._abc_impl = _Impl()
        for base in bases:
            impl = base.__dict__.get('_abc_impl')
            if impl is not None:
                impl.subclasses.append(cls)
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.append(subclass)
        _token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        sub = instance.__class__
        impl = cls._abc_impl
        if sub in impl.cache:
            return True
        kind = type(instance)
        if kind is sub:
            if impl.version == _token[0] and sub in impl.negative:
                return False
            return cls.__subclasscheck__(sub)
        return cls.__subclasscheck__(sub) or cls.__subclasscheck__(kind)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.version < _token[0]:
            impl.negative = set()
            impl.version = _token[0]
        elif subclass in impl.negative:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError
            (impl.cache if ok else impl.negative).add(subclass)
            return ok
        if cls in subclass.__mro__ or _any_sub(subclass, impl.registry) or \
                _any_sub(subclass, impl.subclasses):
            impl.cache.add(subclass)
            return True
        impl.negative.add(subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative.clear()


def _any_sub(subclass, classes):
    for c in classes:
        if issubclass(subclass, c):
            return True
    return False


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    found = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                found.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            found.add(name)
    cls.__abstractmethods__ = frozenset(found)
    return cls


class ABC(metaclass=ABCMeta):
    __slots__ = ()

# The dataclasses module, run by sandpy at import (embedded into sp_dataclass.c
# by tools/embed_py.py).  It follows CPython 3.11's dataclasses.py: the
# generated methods are compiled from source by _compile, a native that only
# this code can reach (its globals are private).


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(' f'name={self.name!r},' f'type={self.type!r},'
                f'default={self.default!r},' f'default_factory={self.default_factory!r},'
                f'init={self.init!r},' f'repr={self.repr!r},' f'hash={self.hash!r},'
                f'compare={self.compare!r},' f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},' f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(' f'init={self.init!r},' f'repr={self.repr!r},'
                f'eq={self.eq!r},' f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},' f'frozen={self.frozen!r}' ')')


_KEYWORDS = frozenset(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
                       'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
                       'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
                       'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
                       'while', 'with', 'yield'])


def _check_name(name):
    # field names become parameters of generated code
    if not isinstance(name, str) or not name.isidentifier() or name in _KEYWORDS:
        raise TypeError(f'invalid field name {name!r}')
    return name


def _is_classvar(a_type):
    if isinstance(a_type, str):
        s = a_type.strip()
        return s == 'ClassVar' or s.startswith(('ClassVar[', 'typing.ClassVar'))
    r = repr(a_type)
    return r == 'typing.ClassVar' or r.startswith('typing.ClassVar[')


def _is_initvar(a_type):
    if isinstance(a_type, str):
        return a_type.strip().startswith(('InitVar', 'dataclasses.InitVar'))
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type):
    if isinstance(a_type, str):
        return a_type.strip() in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return a_type is KW_ONLY


def _get_field(cls, a_name, a_type, default_kw_only):
    default = cls.__dict__.get(a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _fmt_type(t, module):
    if isinstance(t, type):
        if t.__module__ in ('builtins', module):
            return t.__qualname__
        return t.__module__ + '.' + t.__qualname__
    if isinstance(t, str):
        return t
    return repr(t).replace('typing.', '')


def _signature_doc(cls, fields):
    parts = []
    star = False
    for f in fields:
        if not f.init or f._field_type is _FIELD_CLASSVAR:
            continue
        if f.kw_only and not star:
            parts.append('*')
            star = True
        s = f.name + ': ' + _fmt_type(f.type, cls.__module__)
        if f.default is not MISSING:
            s += ' = ' + repr(f.default)
        elif f.default_factory is not MISSING:
            s += ' = <factory>'
        parts.append(s)
    return cls.__name__ + '(' + ', '.join(parts) + ')'


def _create(cls, name, args, body, globs, ret=''):
    src = f'def {name}({", ".join(args)}){ret}:\n'
    src += ''.join('  ' + line + '\n' for line in (body or ['pass']))
    ns = _compile(src, globs)
    fn = ns[name]
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    return fn


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _field_assign(frozen, name, value):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__(self,{name!r},{value})'
    return f'self.{name}={value}'


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init, globs):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    body = []
    for f in fields:
        dflt = '__dataclass_dflt_' + f.name + '__'
        if f.default_factory is not MISSING:
            globs[dflt] = f.default_factory
            if f.init:
                value = f'{dflt}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}'
            else:
                value = f'{dflt}()'
        elif f.init:
            if f.default is not MISSING:
                globs[dflt] = f.default
            value = f.name
        elif f.default is not MISSING:
            globs[dflt] = f.default
            value = dflt
        else:
            continue
        if f._field_type is _FIELD:
            body.append(_field_assign(frozen, f.name, value))
    if has_post_init:
        params = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'self.__post_init__({params})')

    def param(f):
        if f.default is not MISSING:
            return f'{f.name}=__dataclass_dflt_{f.name}__'
        if f.default_factory is not MISSING:
            return f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'
        return f.name
    args = ['self'] + [param(f) for f in std_fields if f.init]
    if kw_only_fields:
        args += ['*'] + [param(f) for f in kw_only_fields if f.init]
    return _create(cls, '__init__', args, body, globs)


def _repr_fn(cls, fields, globs):
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    body = ['key = id(self)',
            'if key in __dataclass_repr_running__:',
            "  return '...'",
            '__dataclass_repr_running__.add(key)',
            'try:',
            f'  return self.__class__.__qualname__ + f"({parts})"',
            'finally:',
            '  __dataclass_repr_running__.discard(key)']
    return _create(cls, '__repr__', ['self'], body, globs)


def _tuple_str(obj, fields):
    if not fields:
        return '()'
    return '(' + ','.join(f'{obj}.{f.name}' for f in fields) + ',)'


def _cmp_fn(cls, name, op, fields, globs):
    body = ['if other.__class__ is self.__class__:',
            f' return {_tuple_str("self", fields)}{op}{_tuple_str("other", fields)}',
            'return NotImplemented']
    return _create(cls, name, ['self', 'other'], body, globs)


def _frozen_fns(cls, fields, globs):
    names = '(' + ''.join(repr(f.name) + ',' for f in fields) + ')'
    globs['cls'] = cls
    out = []
    for name, args, call in (('__setattr__', ['self', 'name', 'value'], '__setattr__(name, value)'),
                             ('__delattr__', ['self', 'name'], '__delattr__(name)')):
        body = [f'if type(self) is cls or name in {names}:',
                f' raise FrozenInstanceError(f"cannot {"assign to" if name == "__setattr__" else "delete"} field {{name!r}}")',
                f'super(cls, self).{call}']
        out.append((name, _create(cls, name, args, body, globs)))
    return out


def _hash_action(cls, fields, globs, unsafe_hash, eq, frozen, has_explicit_hash):
    if unsafe_hash and has_explicit_hash:
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if has_explicit_hash or not (unsafe_hash or eq):
        return
    if unsafe_hash or frozen:
        flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _create(cls, '__hash__', ['self'], [f'return hash({_tuple_str("self", flds)})'], globs)
    else:
        cls.__hash__ = None


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
                   weakref_slot):
    fields = {}
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True
    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    for name, type_ in cls_annotations.items():
        _check_name(name)
        if _is_kw_only(type_):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = fields
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.kw_only]
    globs = {'__name__': cls.__module__, 'MISSING': MISSING,
             '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
             '__dataclass_builtins_object__': object, '__dataclass_repr_running__': set(),
             'FrozenInstanceError': FrozenInstanceError}
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        _set_new_attribute(cls, '__init__',
                           _init_fn(cls, all_init_fields, std_init_fields, kw_only_init_fields,
                                    frozen, has_post_init, globs))
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _set_new_attribute(cls, '__repr__', _repr_fn(cls, [f for f in field_list if f.repr], globs))
    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        _set_new_attribute(cls, '__eq__', _cmp_fn(cls, '__eq__', '==', cmp_fields, globs))
    if order:
        cmp_fields = [f for f in field_list if f.compare]
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new_attribute(cls, name, _cmp_fn(cls, name, op, cmp_fields, globs)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        for name, fn in _frozen_fns(cls, field_list, globs):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    _hash_action(cls, field_list, globs, unsafe_hash, eq, frozen, has_explicit_hash)
    if cls.__dict__.get('__doc__') is None:
        cls.__doc__ = _signature_doc(cls, all_init_fields)
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    return cls


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    if hasattr(slots, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return slots


def _add_slots(cls, is_frozen, weakref_slot):
    # A new class: __slots__ only takes effect when a class is created.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for b in cls.__mro__[1:-1]:
        inherited.update(_get_slots(b))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                              slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be '
                                 'specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']

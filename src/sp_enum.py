# The enum module, run by sandpy at import (embedded into sp_pymod.c by
# tools/embed_py.py).  It follows CPython 3.11's enum: reprs, str/format,
# errors, auto(), aliases, _missing_, Flag/IntFlag with boundaries.  The
# class body is recorded by _EnumDict (a __prepare__ namespace whose
# __setitem__ sees every assignment), and EnumType.__new__ turns the
# recorded names into members once the class exists.

_FunctionType = type(lambda: None)
_builtin_property = property


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    prefix = '_%s__' % cls_name.lstrip('_')
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not name.endswith('__'))


def _is_descriptor(obj):
    return (type(obj) is _FunctionType or hasattr(obj, '__get__')
            or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bits_lsb(num):
    while num:
        bit = num & (~num + 1)
        yield bit
        num ^= bit


def bin(num, max_bits=None):
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = '0' + format(num + ceiling, 'b')[1:]
    else:
        s = '1' + format(~num ^ (ceiling - 1) + ceiling, 'b')[1:]
    sign, digits = s[0], s[1:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign * max_bits + digits)[-max_bits:]
    return '0b%s %s' % (sign, digits)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value, )


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


class property:
    """name and value of members: through the class, the member of that name."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget, self.fset, self.fdel = fget, fset, fdel
        self.__doc__ = doc

    def __get__(self, instance, ownerclass=None):
        if instance is None or self.fget is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError(self.name) from None
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))
        return self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))
        return self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


_SUNDERS = ('_order_', '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_',
            '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_')


class _EnumDict(dict):
    def __init__(self, cls_name, gnv):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._gnv = gnv

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            self._sunder(key, value)
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._member_value(key, value)
        super().__setitem__(key, value)

    def _sunder(self, key, value):
        if key not in _SUNDERS:
            raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use'
                             % (key, ))
        if key == '_generate_next_value_':
            if self._auto_called:
                raise TypeError("_generate_next_value_ must be defined before members")
            self._gnv = value.__func__ if isinstance(value, staticmethod) else value
        elif key == '_ignore_':
            value = value.replace(',', ' ').split() if isinstance(value, str) else list(value)
            self._ignore = value
            already = set(value) & set(self._member_names)
            if already:
                raise ValueError('_ignore_ cannot specify already set names: %r' % (already, ))

    # a member's value, with auto() (alone or inside a tuple) resolved
    def _member_value(self, key, value):
        single = isinstance(value, auto)
        if single:
            value = (value, )
        stored = False
        if type(value) is tuple and any(isinstance(v, auto) for v in value):
            out = []
            for v in value:
                if isinstance(v, auto):
                    stored = True
                    if v.value is _auto_null:
                        v.value = self._gnv(key, 1, len(self._member_names), self._last_values[:])
                        self._auto_called = True
                    v = v.value
                    self._last_values.append(v)
                out.append(v)
            value = out[0] if single else tuple(out)
        self._member_names[key] = None
        if not stored:
            self._last_values.append(value)
        return value

    def update(self, members, **more):
        items = members.items() if hasattr(members, 'items') else members
        for k, v in items:
            self[k] = v
        for k, v in more.items():
            self[k] = v


def _first_enum(cls_name, bases):
    if not bases:
        return object, Enum
    _check_no_members(cls_name, bases)
    first = bases[-1]
    if not isinstance(first, EnumType):
        raise TypeError("new enumerations should be created as "
                        "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
    return _data_type(cls_name, bases) or object, first


def _check_no_members(cls_name, bases):
    for chain in bases:
        for base in chain.__mro__:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls_name, base))


# the data type members derive from (int for IntEnum), or None
def _data_type(cls_name, bases):
    found = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    found.append(base._member_type_)
                    break
            elif base in _BUILTIN_DATA or '__new__' in base.__dict__:
                found.append(candidate or base)
                break
            else:
                candidate = candidate or base
    kinds = set(found)
    if len(kinds) > 1:
        raise TypeError('too many data types for %r: %r' % (cls_name, kinds))
    return found[0] if found else None


_BUILTIN_DATA = (int, str, float, bytes, tuple, list, dict, set, frozenset)


def _value_repr(bases, member_type):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                return base._value_repr_
            if base in _BUILTIN_DATA:
                return base.__repr__
            if '__repr__' in base.__dict__:
                return base.__dict__['__repr__']
    return None


# the __new__ that makes members, and whether it gets the value as arguments
def _member_new(classdict, member_type, first_enum):
    new = classdict.get('__new__')
    save = first_enum is not None and new is not None
    if new is None:
        for attr in ('__new_member__', '__new__'):
            for owner in (member_type, first_enum):
                target = getattr(owner, attr, None)
                if target is not None and target is not _object_new and \
                        target is not _enum_new() and owner is not object:
                    new = target
                    break
            if new is not None:
                break
        else:
            new = _object_new
    use_args = not (first_enum is None or new is _object_new or new is _enum_new())
    return new, save, use_args


def _object_new(cls, *args):
    return object.__new__(cls)


def _enum_new():
    return Enum.__dict__['__new__'].__func__ if Enum is not None else None


Enum = Flag = ReprEnum = None


class EnumType(type):

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        _check_no_members(cls, bases)
        member_type, first_enum = _first_enum(cls, bases)
        gnv = getattr(first_enum, '_generate_next_value_', None) if first_enum else None
        return _EnumDict(cls, gnv)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        classdict.setdefault('_ignore_', []).append('_ignore_')
        for key in classdict['_ignore_']:
            classdict.pop(key, None)
        member_names = list(classdict._member_names)
        bad = set(member_names) & {'mro', ''}
        if bad:
            raise ValueError('invalid enum member name(s) %s' % (','.join(repr(n) for n in bad)))
        order = classdict.pop('_order_', None)
        ns = dict(classdict.items())
        member_type, first_enum = _first_enum(cls, bases)
        new, save_new, use_args = _member_new(ns, member_type, first_enum)
        values = [(name, ns.pop(name)) for name in member_names]
        ns['_new_member_'] = new
        ns['_use_args_'] = use_args
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_unhashable_values_'] = []
        ns['_member_type_'] = member_type
        ns['_value_repr_'] = _value_repr(bases, member_type)
        is_flag = Flag is not None and any(issubclass(b, Flag) for b in bases)
        if is_flag or (Flag is None and cls == 'Flag'):
            ns['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
            ns['_flag_mask_'] = ns['_singles_mask_'] = ns['_all_bits_'] = 0
            ns['_inverted_'] = None
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        for name, value in values:
            _add_member(enum_class, name, value, is_flag)
        _fix_methods(enum_class, ns, bases, member_type, first_enum, is_flag)
        if save_new:
            enum_class.__new_member__ = new
        if Enum is not None:
            enum_class.__new__ = _enum_new()
        _check_order(enum_class, order, is_flag)
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name, ))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        metacls = cls.__class__
        bases = (cls, ) if type is None else (type, cls)
        first_enum = _first_enum(class_name, bases)[1]
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs, last = [], []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last[:])
                last.append(value)
                pairs.append((name, value))
            names = pairs
        for item in names or ():
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                classdict[item[0]] = item[1]
        classdict['__module__'] = module if module is not None else _caller_module()
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)


EnumMeta = EnumType


def _caller_module():
    return '__main__'


def _add_member(enum_class, name, value, is_flag):
    args = value if isinstance(value, tuple) else (value, )
    if enum_class._member_type_ is tuple:
        args = (args, )
    if enum_class._use_args_:
        m = enum_class._new_member_(enum_class, *args)
    else:
        m = enum_class._new_member_(enum_class)
    if not hasattr(m, '_value_'):
        if enum_class._member_type_ is object:
            m._value_ = value
        else:
            try:
                m._value_ = enum_class._member_type_(*args)
            except Exception as exc:
                raise TypeError('_value_ not set in __new__, unable to create it') from exc
    value = m._value_
    m._name_ = name
    m.__objclass__ = enum_class
    m.__init__(*args)
    m._sort_order_ = len(enum_class._member_names_)
    if is_flag:
        enum_class._flag_mask_ |= value
        if _is_single_bit(value):
            enum_class._singles_mask_ |= value
        enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1
    canonical = _find_value(enum_class, value)
    if canonical is not None:
        m = canonical
    elif not is_flag or _is_single_bit(value):
        enum_class._member_names_.append(name)
    redirect = _descriptor_in_bases(enum_class, name)
    if redirect is not None:
        p = property(redirect.fget, redirect.fset, redirect.fdel)
        p.member = m
        p.__set_name__(enum_class, name)
        type.__setattr__(enum_class, name, p)
    else:
        type.__setattr__(enum_class, name, m)
    enum_class._member_map_[name] = m
    try:
        enum_class._value2member_map_.setdefault(value, m)
    except TypeError:
        enum_class._unhashable_values_.append(value)


# the member already holding value (the new name becomes its alias), or None
def _find_value(enum_class, value):
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for m in enum_class._member_map_.values():
            if m._value_ == value:
                return m
    return None


def _descriptor_in_bases(enum_class, name):
    found = None
    for base in enum_class.__mro__[1:]:
        if base is object or base in _BUILTIN_DATA:
            continue
        d = base.__dict__.get(name)
        if d is None:
            continue
        if isinstance(d, property):
            return d
        if hasattr(d, 'fget') and hasattr(d, 'fset') and hasattr(d, 'fdel'):
            found = d
    return found


# repr/str/format from the Enum side, not the data type's (CPython's rules)
def _fix_methods(enum_class, ns, bases, member_type, first_enum, is_flag):
    if ReprEnum is not None and ReprEnum in bases:
        if member_type is object:
            raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e.'
                            ' int, str, float, etc.)')
        if '__format__' not in ns:
            type.__setattr__(enum_class, '__format__', member_type.__format__)
            ns['__format__'] = 1
        if '__str__' not in ns:
            own_str = member_type is str or (member_type not in _BUILTIN_DATA
                                             and '__str__' in member_type.__dict__)
            method = member_type.__str__ if own_str else member_type.__repr__
            type.__setattr__(enum_class, '__str__', method)
            ns['__str__'] = 1
    if first_enum is None:
        return
    for name in ('__repr__', '__str__', '__format__'):
        if name in ns:
            continue
        for base in enum_class.__mro__[1:]:
            if base is member_type or base is object:
                type.__setattr__(enum_class, name, first_enum.__dict__.get(name) or getattr(first_enum, name))
                break
            if name in base.__dict__:
                break
    if is_flag:
        for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                     '__invert__'):
            if name not in ns:
                type.__setattr__(enum_class, name, Flag.__dict__[name])


def _check_order(enum_class, order, is_flag):
    if is_flag:
        values = [m._value_ for m in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_
    if order is None:
        return
    if isinstance(order, str):
        order = order.replace(',', ' ').split()
    mm = enum_class._member_map_
    if is_flag:
        order = [o for o in order if o not in mm or _is_single_bit(mm[o]._value_)]
    order = [o for o in order if o not in mm or o in enum_class._member_names_]
    if order != enum_class._member_names_:
        raise TypeError('member order does not match _order_:\n  %r\n  %r'
                        % (enum_class._member_names_, order))


class Enum(metaclass=EnumType):

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT \
                and isinstance(result, int):
            return result
        ve = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve
        raise exc

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            if last == sorted(last_values)[-1]:
                return last + 1
        except TypeError:
            pass
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0], ))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1], ))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        m = str.__new__(cls, value)
        m._value_ = value
        return m

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            high = last.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last) from None
        return 2 ** (high + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for v in _bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(v)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask, singles, all_bits = cls._flag_mask_, cls._singles_mask_, cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            b = cls._boundary_
            if b is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, bin(value, width), bin(flag_mask, width)))
            elif b is CONFORM:
                value &= flag_mask
            elif b is EJECT:
                return value
            elif b is KEEP:
                if value < 0:
                    value += max(all_bits + 1, 2 ** value.bit_length())
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, b))
        if value < 0:
            neg_value = value
            value += all_bits + 1
        unknown = value & ~flag_mask
        aliases = value & ~singles
        member_value = value & singles
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        pseudo._name_ = _composite_name(cls, value, member_value, aliases)
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (name, v_repr(self._value_))
        return "<%s.%s: %s>" % (name, self._name_, v_repr(self._value_))

    def __str__(self):
        name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (name, self._value_)
        return "%s.%s" % (name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ ^ v)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


# "R|W" for a composite flag value (None when no member is set)
def _composite_name(cls, value, member_value, aliases):
    if not (member_value or aliases):
        return None
    members, combined = [], 0
    for m in cls._iter_member_(member_value):
        members.append(m)
        combined |= m._value_
    if aliases:
        value = member_value | aliases
        for pm in cls._member_map_.values():
            if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                members.append(pm)
                combined |= pm._value_
    unknown = value ^ combined
    if not combined:
        return None
    name = '|'.join([m._name_ for m in members])
    if unknown and cls._boundary_ is STRICT:
        raise ValueError('%r: no members with value %r' % (cls, unknown))
    if unknown:
        name += '|%s' % cls._numeric_repr_(unknown)
    return name


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    pass


def unique(enumeration):
    dups = [(name, m.name) for name, m in enumeration.__members__.items() if name != m.name]
    if dups:
        details = ', '.join(["%s -> %s" % pair for pair in dups])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration

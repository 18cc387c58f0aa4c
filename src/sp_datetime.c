/* sp_datetime.c - the datetime module: date, time, datetime, timedelta,
 * tzinfo and timezone (fixed offsets), after CPython 3.11's
 * Modules/_datetimemodule.c (same normalisation, rounding, reprs and
 * messages) and Lib/_strptime.py (strptime builds the same regex and runs
 * it on the re module).
 *
 * There is no clock and no local time zone in the sandbox: now(), today()
 * and utcnow() read vm->clock, a host hook, and raise without it.  The
 * local zone is UTC: naive timestamp(), fromtimestamp() without tz and
 * astimezone() behave as CPython does under TZ=UTC (the host's zone never
 * leaks in).  timetuple() returns a time.struct_time look-alike.  The
 * module's types and class constants (date.min, timezone.utc...) are
 * static and immutable.  Classes may derive from date, time, datetime and
 * timedelta (not timezone); results CPython makes by calling the class
 * call it here too (make_of), see docs/architecture.md. */
#include <math.h>
#include <stdio.h>

#include "sp_class.h"
#include "sp_cont.h"
#include "sp_snap.h"
#include "sp_strimpl.h"

typedef struct Delta {
    sp_Obj h;
    int64_t days, secs, us; /* normalised: 0 <= secs < 86400, 0 <= us < 10**6 */
} Delta;

/* date, time and datetime share one layout (datetime extends date). */
typedef struct DT {
    sp_Obj h;
    int year, month, day, hour, minute, second, us, fold;
    sp_Value tz; /* None or a tzinfo */
} DT;

typedef struct TZ {
    sp_Obj h;
    sp_Value offset; /* timedelta */
    sp_Value name;   /* str, or SP_NULL when not given */
} TZ;

static sp_Type t_meta, t_delta, t_date, t_time, t_datetime, t_tzinfo, t_timezone, t_isocal, t_structtime;
static void dt_traverse(sp_VM *vm, sp_Obj *o);

#define DL(v) ((Delta *)SP_O(v))
#define DTP(v) ((DT *)SP_O(v))
#define TZP(v) ((TZ *)SP_O(v))
#define IS_DELTA(v) spc_is(v, &t_delta)
#define IS_DATE(v) spc_is(v, &t_date)
#define IS_DT(v) spc_is(v, &t_datetime)
#define IS_TIME(v) spc_is(v, &t_time)
#define IS_TZINFO(v) spc_is(v, &t_tzinfo)

#define MAXORDINAL 3652059
#define MAX_DELTA_DAYS 999999999
#define US_PER_DAY 86400000000LL

/* ------------------------------------------------------------ static constants */

#define SOBJ(x) {.tag = SP_OBJ, .u.o = (sp_Obj *)(x)}
#define SNONE {.tag = SP_NONE}
#define SNULL {.tag = SP_NULL}
#define SDELTA(nm, d, s, u) static Delta nm = {SP_STATIC_HDR(&t_delta), d, s, u}
#define SDT(nm, tp, y, mo, d, h, mi, s, u) static DT nm = {SP_STATIC_HDR(tp), y, mo, d, h, mi, s, u, 0, SNONE}

SDELTA(delta_zero, 0, 0, 0);
SDELTA(delta_min, -MAX_DELTA_DAYS, 0, 0);
SDELTA(delta_max, MAX_DELTA_DAYS, 86399, 999999);
SDELTA(delta_1us, 0, 0, 1);
SDELTA(delta_day, 1, 0, 0);
SDELTA(delta_tzmin, -1, 60, 0);
SDELTA(delta_tzmax, 0, 86340, 0);
SDT(date_min, &t_date, 1, 1, 1, 0, 0, 0, 0);
SDT(date_max, &t_date, 9999, 12, 31, 0, 0, 0, 0);
SDT(time_min, &t_time, 0, 0, 0, 0, 0, 0, 0);
SDT(time_max, &t_time, 0, 0, 0, 23, 59, 59, 999999);
SDT(dt_min, &t_datetime, 1, 1, 1, 0, 0, 0, 0);
SDT(dt_max, &t_datetime, 9999, 12, 31, 23, 59, 59, 999999);
static TZ tz_utc = {SP_STATIC_HDR(&t_timezone), SOBJ(&delta_zero), SNULL};
static TZ tz_min = {SP_STATIC_HDR(&t_timezone), SOBJ(&delta_tzmin), SNULL};
static TZ tz_max = {SP_STATIC_HDR(&t_timezone), SOBJ(&delta_tzmax), SNULL};

/* ------------------------------------------------------------ calendar */

static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int dbm[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

static bool is_leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }
static int days_in_month(int y, int m) { return m == 2 && is_leap(y) ? 29 : dim[m]; }
static int days_before_month(int y, int m) { return dbm[m] + (m > 2 && is_leap(y)); }
static int64_t days_before_year(int y) {
    int64_t p = y - 1;
    return p * 365 + p / 4 - p / 100 + p / 400;
}
static int64_t ymd_to_ord(int y, int m, int d) { return days_before_year(y) + days_before_month(y, m) + d; }

static void ord_to_ymd(int64_t ord, int *y, int *m, int *d) {
    int64_t n = ord - 1, n400 = n / 146097;
    n %= 146097;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    *y = (int)(n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1);
    if (n1 == 4 || n100 == 4) {
        *y -= 1, *m = 12, *d = 31;
        return;
    }
    int mo = (int)((n + 50) >> 5);
    int before = days_before_month(*y, mo);
    if (before > n) before = days_before_month(*y, --mo);
    *m = mo;
    *d = (int)(n - before + 1);
}

static int weekday_of(int y, int m, int d) { return (int)((ymd_to_ord(y, m, d) + 6) % 7); }

static int64_t iso_week1_monday(int y) {
    int64_t first = ymd_to_ord(y, 1, 1);
    int fw = (int)((first + 6) % 7);
    int64_t mon = first - fw;
    return fw > 3 ? mon + 7 : mon;
}

static int64_t floordiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
static int64_t floormod(int64_t a, int64_t b) { return a - floordiv(a, b) * b; }

static void iso_calendar(int y, int m, int d, int *iy, int *iw, int *id) {
    int64_t mon = iso_week1_monday(y), today = ymd_to_ord(y, m, d);
    int64_t week = floordiv(today - mon, 7), day = floormod(today - mon, 7);
    if (week < 0) {
        --y;
        mon = iso_week1_monday(y);
        week = floordiv(today - mon, 7), day = floormod(today - mon, 7);
    } else if (week >= 52 && today >= iso_week1_monday(y + 1)) {
        ++y;
        week = 0;
    }
    *iy = y, *iw = (int)week + 1, *id = (int)day + 1;
}

/* ------------------------------------------------------------ errors, args */

static sp_Value out_of_range(sp_VM *vm) { return sp_raise(vm, &sp_t_OverflowError, "date value out of range"); }

/* A C int argument: CPython's "i" converter messages. */
static bool int_arg(sp_VM *vm, sp_Value v, int *out) {
    int64_t i;
    if (!sp_isintlike(v)) {
        sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return false;
    }
    if (!sp_int_to_i64(vm, v, &i)) {
        sp_err_clear(vm);
        sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    if (i > INT32_MAX || i < INT32_MIN) {
        sp_raise(vm, &sp_t_OverflowError, i > 0 ? "signed integer is greater than maximum"
                                                : "signed integer is less than minimum");
        return false;
    }
    *out = (int)i;
    return true;
}

/* Optional int argument (absent keeps *out). */
static bool opt_int(sp_VM *vm, sp_Value v, int *out) { return sp_isnull(v) || int_arg(vm, v, out); }

static bool check_date(sp_VM *vm, int y, int m, int d) {
    if (y < 1 || y > 9999) return sp_raise(vm, &sp_t_ValueError, "year %d is out of range", y), false;
    if (m < 1 || m > 12) return sp_raise(vm, &sp_t_ValueError, "month must be in 1..12"), false;
    if (d < 1 || d > days_in_month(y, m))
        return sp_raise(vm, &sp_t_ValueError, "day is out of range for month"), false;
    return true;
}

static bool check_time(sp_VM *vm, int h, int mi, int s, int us, int fold) {
    const char *msg = h < 0 || h > 23 ? "hour must be in 0..23"
                      : mi < 0 || mi > 59 ? "minute must be in 0..59"
                      : s < 0 || s > 59 ? "second must be in 0..59"
                      : us < 0 || us > 999999 ? "microsecond must be in 0..999999"
                      : fold != 0 && fold != 1 ? "fold must be either 0 or 1" : NULL;
    if (msg) sp_raise(vm, &sp_t_ValueError, "%s", msg);
    return !msg;
}

static bool check_tz(sp_VM *vm, sp_Value tz) {
    if (sp_isnone(tz) || IS_TZINFO(tz)) return true;
    sp_raise(vm, &sp_t_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%T'", tz);
    return false;
}

/* sp_parse_args for the constructors, with CPython's wording for them:
 * "function missing required argument..." (no parentheses). */
static bool ctor_args(sp_VM *vm, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw, const char *spec,
                      sp_Value *out) {
    if (sp_parse_args(vm, fname, args, nargs, kw, spec, out)) return true;
    if (strcmp(fname, "function") != 0 || !sp_err_matches(vm, &sp_t_TypeError)) return false;
    sp_Value e = sp_err_fetch(vm);
    sp_Value m = sp_exc_str(vm, e);
    if (sp_iserr(m) || !sp_isstr(m) || strncmp(SP_STR(m)->data, "function() ", 11) != 0) {
        if (!sp_iserr(m)) vm->exc = e;
        return false;
    }
    sp_raise(vm, &sp_t_TypeError, "function %s", SP_STR(m)->data + 11);
    return false;
}

/* ------------------------------------------------------------ constructors */

static sp_Value new_dt(sp_VM *vm, sp_Type *t, const int f[8], sp_Value tz) {
    DT *d = sp_newobj(vm, t, sp_inst_size(t, sizeof *d));
    if (!d) return SP_ERRV;
    d->year = f[0], d->month = f[1], d->day = f[2], d->hour = f[3];
    d->minute = f[4], d->second = f[5], d->us = f[6], d->fold = f[7];
    d->tz = tz;
    return sp_objv(d);
}

static sp_Value mk_date(sp_VM *vm, int y, int m, int d) {
    int f[8] = {y, m, d, 0, 0, 0, 0, 0};
    return check_date(vm, y, m, d) ? new_dt(vm, &t_date, f, SP_NONEV) : SP_ERRV;
}

/* f: year, month, day, hour, minute, second, us, fold (checked). */
static sp_Value mk_datetime(sp_VM *vm, const int f[8], sp_Value tz) {
    if (!check_date(vm, f[0], f[1], f[2]) || !check_time(vm, f[3], f[4], f[5], f[6], f[7]) ||
        !check_tz(vm, tz))
        return SP_ERRV;
    return new_dt(vm, &t_datetime, f, tz);
}

static sp_Value mk_time(sp_VM *vm, int h, int mi, int s, int us, sp_Value tz, int fold) {
    int f[8] = {0, 0, 0, h, mi, s, us, fold};
    if (!check_time(vm, h, mi, s, us, fold) || !check_tz(vm, tz)) return SP_ERRV;
    return new_dt(vm, &t_time, f, tz);
}

/* A timedelta from unnormalised int64 parts (|parts| well below overflow). */
static sp_Value mk_delta(sp_VM *vm, int64_t days, int64_t secs, int64_t us) {
    secs += floordiv(us, 1000000), us = floormod(us, 1000000);
    days += floordiv(secs, 86400), secs = floormod(secs, 86400);
    if (days > MAX_DELTA_DAYS || days < -MAX_DELTA_DAYS)
        return sp_raise(vm, &sp_t_OverflowError, "days=%lld; must have magnitude <= 999999999", (long long)days);
    Delta *d = sp_newobj(vm, &t_delta, sizeof *d);
    if (!d) return SP_ERRV;
    d->days = days, d->secs = secs, d->us = us;
    return sp_objv(d);
}

/* ------------------------------------------------------------ classes deriving from the types */

/* The module type whose layout t has: a class's solid base (known even
 * for a snapshot's class not rebuilt yet), else t itself; NULL if none. */
static sp_Type *dt_kind(sp_Type *t) {
    sp_Type *s = sp_class_solid(t);
    if (s) t = s;
    return t == &t_datetime || t == &t_date || t == &t_time || t == &t_delta ? t : NULL;
}

/* v (an exact instance just made) as an instance of class t with the
 * same fields, for t.__new__ and replace(), which CPython fills without
 * calling the class. */
static sp_Value retype(sp_VM *vm, sp_Type *t, sp_Value v) {
    if (sp_iserr(v) || !(t->flags & SP_TF_HEAPTYPE)) return v;
    size_t sz = dt_kind(SP_O(v)->type) == &t_delta ? sizeof(Delta) : sizeof(DT);
    if (!sp_pin(vm, v)) return SP_ERRV;
    sp_Obj *o = sp_newobj(vm, t, sp_inst_size(t, sz)); /* zeroed: no __dict__ yet */
    sp_unpin(vm, 1);
    if (!o) return SP_ERRV;
    memcpy((char *)o + sizeof(sp_Obj), (char *)SP_O(v) + sizeof(sp_Obj), sz - sizeof(sp_Obj));
    return sp_objv(o);
}

/* An instance of t (date, time, datetime or a class deriving from one)
 * with fields f (year, month, day, hour, minute, second, us, fold) and
 * tz.  A class is called as CPython calls it, so its __new__ and
 * __init__ run and may return anything: nargs positional arguments
 * (3: the date fields; 7: strptime's without tz; else all with tz), never
 * fold (CPython 3.11 drops it there: a class's combine() loses it). */
static sp_Value make_of(sp_VM *vm, sp_Type *t, const int f[8], sp_Value tz, int nargs) {
    if (t == &t_date) return mk_date(vm, f[0], f[1], f[2]);
    if (t == &t_time) return mk_time(vm, f[3], f[4], f[5], f[6], tz, f[7]);
    if (t == &t_datetime) return mk_datetime(vm, f, tz);
    sp_Value a[8];
    int n = 0;
    for (int i = dt_kind(t) == &t_time ? 3 : 0; n < nargs && i < 7; i++) a[n++] = sp_int(f[i]);
    if (n < nargs) a[n++] = tz;
    if (!sp_pin(vm, tz)) return SP_ERRV; /* maybe made here (fromisoformat's) */
    sp_Value r = sp_call(vm, sp_objv(t), a, n, NULL);
    sp_unpin(vm, 1);
    return r;
}

/* X.__new__(cls, *args) for X one of the types: cls must derive from X;
 * the instance has cls's layout. */
static sp_Value new_meth(sp_VM *vm, sp_Type *owner, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "%s.__new__(): not enough arguments", owner->name);
    if (!sp_isinst(args[0], &sp_t_type))
        return sp_raise(vm, &sp_t_TypeError, "%s.__new__(X): X is not a type object (%T)", owner->name, args[0]);
    sp_Type *t = (sp_Type *)SP_O(args[0]), *k = dt_kind(t);
    if (!k || !sp_issubtype(t, owner))
        return sp_raise(vm, &sp_t_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name,
                        sp_type_msgname(t), sp_type_msgname(t), owner->name);
    if (!(t->flags & SP_TF_HEAPTYPE) && t != owner)
        return sp_raise(vm, &sp_t_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", owner->name, t->name,
                        t->name);
    return k->new_(vm, t, args + 1, nargs - 1, kw);
}
#define NEW_METH(fn, tp) \
    static sp_Value fn(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return new_meth(vm, tp, a, n, kw); }
NEW_METH(m_delta_new, &t_delta)
NEW_METH(m_date_new, &t_date)
NEW_METH(m_time_new, &t_time)
NEW_METH(m_datetime_new, &t_datetime)

/* date.__hash__(self) and the others: the type's own hash, for a class
 * that defines __eq__ and keeps `__hash__ = date.__hash__`. */
static sp_Value m_hash(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "__hash__", nargs - 1, kw)) return SP_ERRV;
    sp_Type *k = nargs > 0 ? dt_kind(sp_typeof(args[0])) : NULL;
    int64_t h;
    if (!k) return sp_raise(vm, &sp_t_TypeError, "descriptor '__hash__' needs a datetime object");
    return k->hash(vm, args[0], &h) ? sp_int(h) : SP_ERRV;
}

/* A result of make_of that later code reads as a datetime. */
static bool need_dt(sp_VM *vm, sp_Value v) {
    if (sp_iserr(v) || IS_DT(v)) return !sp_iserr(v);
    sp_raise(vm, &sp_t_TypeError, "fromutc: argument must be a datetime");
    return false;
}

/* timedelta from a total of microseconds (any int). */
static sp_Value delta_from_usv(sp_VM *vm, sp_Value us) {
    if (us.tag == SP_INT && us.u.i > -INT64_MAX / 2 && us.u.i < INT64_MAX / 2)
        return mk_delta(vm, 0, 0, us.u.i);
    sp_Value qr = sp_int_divmod(vm, us, sp_int(US_PER_DAY));
    if (sp_iserr(qr)) return qr;
    sp_Value days = SP_TUPLE(qr)->items[0], rest = SP_TUPLE(qr)->items[1];
    if (!sp_isint(days) || days.u.i > INT32_MAX || days.u.i < INT32_MIN)
        return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C int");
    return mk_delta(vm, days.u.i, 0, rest.u.i);
}

static sp_Value delta_to_usv(sp_VM *vm, Delta *d) {
    sp_Value x = sp_int_mul(vm, sp_int(d->days), sp_int(US_PER_DAY));
    return sp_iserr(x) ? x : sp_int_add(vm, x, sp_int(d->secs * 1000000 + d->us));
}

/* Microseconds of a timedelta that fits int64 (callers bound days). */
static int64_t delta_us(Delta *d) { return (d->days * 86400 + d->secs) * 1000000 + d->us; }

static sp_Value new_timezone(sp_VM *vm, sp_Value offset, sp_Value name) {
    Delta *o = DL(offset);
    if (sp_isnull(name) && o->days == 0 && o->secs == 0 && o->us == 0) return sp_objv(&tz_utc);
    if (!((o->days == -1 && (o->secs || o->us)) || (o->days == 0)))
        return sp_raise(vm, &sp_t_ValueError,
                        "offset must be a timedelta strictly between -timedelta(hours=24) and "
                        "timedelta(hours=24), not %R.", offset);
    TZ *t = sp_newobj(vm, &t_timezone, sizeof *t);
    if (!t) return SP_ERRV;
    t->offset = offset, t->name = name;
    return sp_objv(t);
}

/* ------------------------------------------------------------ tzinfo queries */

/* tz.utcoffset(dt) (or dst/tzname): None or a timedelta; SP_ERRV on error. */
static sp_Value tz_call(sp_VM *vm, sp_Value tz, const char *meth, sp_Value arg) {
    if (sp_isnone(tz)) return SP_NONEV;
    if (sp_istype(tz, &t_timezone) && strcmp(meth, "utcoffset") == 0) return TZP(tz)->offset;
    if (sp_istype(tz, &t_timezone) && strcmp(meth, "dst") == 0) return SP_NONEV;
    sp_Value f = sp_getattrs(vm, tz, meth);
    sp_Value r = sp_iserr(f) ? f : sp_call1(vm, f, arg);
    if (sp_iserr(r) || sp_isnone(r)) return r;
    if (strcmp(meth, "tzname") == 0) {
        if (!sp_isstr(r))
            return sp_raise(vm, &sp_t_TypeError, "tzinfo.tzname() must return None or a string, not '%T'", r);
        return r;
    }
    if (!IS_DELTA(r))
        return sp_raise(vm, &sp_t_TypeError, "tzinfo.%s() must return None or timedelta, not '%T'", meth, r);
    Delta *d = DL(r);
    if (!(d->days == 0 || (d->days == -1 && (d->secs || d->us))))
        return sp_raise(vm, &sp_t_ValueError, /* unlike timezone()'s, without the value */
                        "offset must be a timedelta strictly between -timedelta(hours=24) and "
                        "timedelta(hours=24).");
    return r;
}

/* The UTC offset of an aware datetime/time in microseconds; *aware false
 * when naive. */
static bool offset_us(sp_VM *vm, sp_Value self, int64_t *out, bool *aware) {
    sp_Value arg = IS_TIME(self) ? SP_NONEV : self;
    sp_Value o = tz_call(vm, DTP(self)->tz, "utcoffset", arg);
    if (sp_iserr(o)) return false;
    *aware = !sp_isnone(o);
    *out = *aware ? delta_us(DL(o)) : 0;
    return true;
}

/* ------------------------------------------------------------ timedelta */

/* CPython's accum(): adds num * factor (us) to *sum, keeping the float's
 * fractional microseconds in *leftover. */
static bool accum(sp_VM *vm, sp_Value *sum, sp_Value num, int64_t factor, double *leftover) {
    if (sp_isintlike(num)) {
        sp_Value p = sp_int_mul(vm, num, sp_int(factor));
        *sum = sp_iserr(p) ? p : sp_int_add(vm, *sum, p);
        return !sp_iserr(*sum);
    }
    if (!sp_isfloat(num)) {
        sp_raise(vm, &sp_t_TypeError, "unsupported type for timedelta %s component: %T",
                 factor == 1 ? "microseconds" : factor == 1000 ? "milliseconds" : factor == 1000000 ? "seconds"
                 : factor == 60000000 ? "minutes" : factor == 3600000000LL ? "hours"
                 : factor == US_PER_DAY ? "days" : "weeks", num);
        return false;
    }
    double ip, fp = modf(num.u.f, &ip);
    sp_Value x = sp_int_from_double(vm, ip);
    sp_Value p = sp_iserr(x) ? x : sp_int_mul(vm, x, sp_int(factor));
    *sum = sp_iserr(p) ? p : sp_int_add(vm, *sum, p);
    if (sp_iserr(*sum) || fp == 0.0) return !sp_iserr(*sum);
    fp = modf((double)factor * fp, &ip);
    x = sp_int_from_double(vm, ip);
    *sum = sp_iserr(x) ? x : sp_int_add(vm, *sum, x);
    *leftover += fp;
    return !sp_iserr(*sum);
}

static sp_Value delta_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    static const int64_t factors[] = {US_PER_DAY, 1000000, 1, 1000, 60000000, 3600000000LL, 7 * US_PER_DAY};
    sp_Value a[7];
    if (!sp_parse_args(vm, "__new__", args, nargs, kw,
                       "|days,seconds,microseconds,milliseconds,minutes,hours,weeks", a))
        return SP_ERRV;
    static const int order[] = {2, 3, 1, 4, 5, 0, 6}; /* CPython sums us first */
    sp_Value sum = sp_int(0);
    double left = 0;
    for (int i = 0; i < 7; i++) {
        sp_Value v = a[order[i]];
        if (!sp_isnull(v) && !accum(vm, &sum, v, factors[order[i]], &left)) return SP_ERRV;
    }
    if (left != 0.0) { /* round half to even against the integer part */
        double whole = round(left);
        if (fabs(whole - left) == 0.5) {
            sp_Value odd = sp_binop(vm, SP_OP_AND, sum, sp_int(1));
            if (sp_iserr(odd)) return odd;
            int o = (int)odd.u.i;
            whole = 2.0 * round((left + o) * 0.5) - o;
        }
        sum = sp_int_add(vm, sum, sp_int((int64_t)whole));
        if (sp_iserr(sum)) return sum;
    }
    return retype(vm, t, delta_from_usv(vm, sum));
}

static sp_Value delta_repr(sp_VM *vm, sp_Value self) {
    Delta *d = DL(self);
    char buf[128];
    int n = 0;
    const char *sep = "";
    if (d->days) n += snprintf(buf + n, sizeof buf - (size_t)n, "days=%lld", (long long)d->days), sep = ", ";
    if (d->secs) n += snprintf(buf + n, sizeof buf - (size_t)n, "%sseconds=%lld", sep, (long long)d->secs), sep = ", ";
    if (d->us) n += snprintf(buf + n, sizeof buf - (size_t)n, "%smicroseconds=%lld", sep, (long long)d->us);
    if (!d->days && !d->secs && !d->us) snprintf(buf + n, sizeof buf - (size_t)n, "0");
    return sp_fmt(vm, "%s(%s)", sp_typename(self), buf); /* a class's own name (CPython's tp_name) */
}

static sp_Value delta_str(sp_VM *vm, sp_Value self) {
    Delta *d = DL(self);
    char buf[96];
    int n = 0;
    if (d->days)
        n = snprintf(buf, sizeof buf, "%lld day%s, ", (long long)d->days, d->days == 1 || d->days == -1 ? "" : "s");
    n += snprintf(buf + n, sizeof buf - (size_t)n, "%d:%02d:%02d", (int)(d->secs / 3600), (int)(d->secs / 60 % 60),
                  (int)(d->secs % 60));
    if (d->us) snprintf(buf + n, sizeof buf - (size_t)n, ".%06d", (int)d->us);
    return sp_str_cstr(vm, buf);
}

static bool delta_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    sp_Value t[3] = {sp_int(DL(self)->days), sp_int(DL(self)->secs), sp_int(DL(self)->us)};
    return spc_hash_items(vm, t, 3, out);
}

static int cmp3(int64_t a, int64_t b) { return (a > b) - (a < b); }

static int delta_cmp(Delta *a, Delta *b) {
    int c = cmp3(a->days, b->days);
    if (!c) c = cmp3(a->secs, b->secs);
    return c ? c : cmp3(a->us, b->us);
}

static sp_Value delta_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if (!IS_DELTA(a) || !IS_DELTA(b)) return SP_NOTIMPL;
    return sp_cmp_result(delta_cmp(DL(a), DL(b)), op);
}

static int delta_truthy(sp_VM *vm, sp_Value self) {
    (void)vm;
    return DL(self)->days || DL(self)->secs || DL(self)->us;
}

/* round(a / b) half to even (CPython's _PyLong_DivmodNear). */
static sp_Value divide_nearest(sp_VM *vm, sp_Value a, sp_Value b) {
    sp_Value qr = sp_int_divmod(vm, a, b);
    if (sp_iserr(qr) || !sp_pin(vm, qr)) return SP_ERRV;
    sp_Value q = SP_TUPLE(qr)->items[0], r = SP_TUPLE(qr)->items[1];
    sp_Value r2 = sp_int_add(vm, r, r), res = SP_ERRV;
    if (!sp_iserr(r2)) {
        sp_Value c = sp_richcmp(vm, r2, b, sp_int_sign(b) > 0 ? SP_GT : SP_LT);
        sp_Value e = sp_richcmp(vm, r2, b, SP_EQ);
        sp_Value odd = sp_binop(vm, SP_OP_AND, q, sp_int(1));
        if (!sp_iserr(c) && !sp_iserr(e) && !sp_iserr(odd))
            res = c.u.i || (e.u.i && odd.u.i) ? sp_int_add(vm, q, sp_int(1)) : q;
    }
    sp_unpin(vm, 1);
    return res;
}

/* timedelta * float or / float, exactly through as_integer_ratio. */
static sp_Value delta_float_op(sp_VM *vm, Delta *d, double f, bool div) {
    sp_Value fr = sp_getattrs(vm, sp_float(f), "as_integer_ratio");
    sp_Value ratio = sp_iserr(fr) ? fr : sp_call0(vm, fr);
    if (sp_iserr(ratio) || !sp_pin(vm, ratio)) return SP_ERRV;
    sp_Value n = SP_TUPLE(ratio)->items[0], q = SP_TUPLE(ratio)->items[1];
    if (div && sp_int_sign(n) == 0) {
        sp_unpin(vm, 1);
        return sp_raise(vm, &sp_t_ZeroDivisionError, "integer division or modulo by zero");
    }
    sp_Value us = delta_to_usv(vm, d);
    sp_Value p = sp_iserr(us) ? us : sp_int_mul(vm, us, div ? q : n);
    sp_Value r = sp_iserr(p) ? p : divide_nearest(vm, p, div ? n : q);
    sp_unpin(vm, 1);
    return sp_iserr(r) ? r : delta_from_usv(vm, r);
}

static sp_Value delta_arith(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (IS_DELTA(a) && IS_DELTA(b)) {
        Delta *x = DL(a), *y = DL(b);
        if (op == SP_OP_ADD) return mk_delta(vm, x->days + y->days, x->secs + y->secs, x->us + y->us);
        if (op == SP_OP_SUB) return mk_delta(vm, x->days - y->days, x->secs - y->secs, x->us - y->us);
        sp_Value ua = delta_to_usv(vm, x);
        if (sp_iserr(ua) || !sp_pin(vm, ua)) return SP_ERRV;
        sp_Value ub = delta_to_usv(vm, y), r = SP_NOTIMPL;
        if (sp_iserr(ub)) r = ub;
        else if (op == SP_OP_TRUEDIV || op == SP_OP_FLOORDIV) r = sp_binop(vm, op, ua, ub);
        else if (op == SP_OP_MOD) {
            sp_Value m = sp_binop(vm, SP_OP_MOD, ua, ub);
            r = sp_iserr(m) ? m : delta_from_usv(vm, m);
        }
        sp_unpin(vm, 1);
        return r;
    }
    sp_Value d = IS_DELTA(a) ? a : b, n = IS_DELTA(a) ? b : a;
    if (op == SP_OP_MUL && sp_isfloat(n)) return delta_float_op(vm, DL(d), n.u.f, false);
    if (!IS_DELTA(a) && op != SP_OP_MUL) return SP_NOTIMPL;
    if (op == SP_OP_TRUEDIV && sp_isfloat(b)) return delta_float_op(vm, DL(a), b.u.f, true);
    if (!sp_isintlike(n) || (op != SP_OP_MUL && op != SP_OP_FLOORDIV && op != SP_OP_TRUEDIV)) return SP_NOTIMPL;
    sp_Value us = delta_to_usv(vm, DL(d));
    if (sp_iserr(us)) return us;
    sp_Value r = op == SP_OP_MUL ? sp_int_mul(vm, us, n)
                 : op == SP_OP_FLOORDIV ? sp_binop(vm, SP_OP_FLOORDIV, us, n)
                 : sp_int_sign(n) == 0 ? sp_raise(vm, &sp_t_ZeroDivisionError, "integer division or modulo by zero")
                 : divide_nearest(vm, us, n);
    return sp_iserr(r) ? r : delta_from_usv(vm, r);
}

static sp_Value dt_arith(sp_VM *vm, int op, sp_Value a, sp_Value b);

static sp_Value delta_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE) return SP_NOTIMPL;
    if (IS_DATE(a) || IS_DATE(b)) return dt_arith(vm, op, a, b);
    return delta_arith(vm, op, a, b);
}

static sp_Value delta_unop(sp_VM *vm, int op, sp_Value a) {
    Delta *d = DL(a);
    bool neg = op == SP_UOP_NEG || (op == SP_UOP_ABS && d->days < 0);
    if (op == SP_UOP_INVERT) return SP_NOTIMPL;
    return neg ? mk_delta(vm, -d->days, -d->secs, -d->us) : mk_delta(vm, d->days, d->secs, d->us);
}

static sp_Value m_delta_total_seconds(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_delta, "total_seconds") || !spc_noargs(vm, "total_seconds", nargs - 1, kw))
        return SP_ERRV;
    sp_Value us = delta_to_usv(vm, DL(args[0]));
    return sp_iserr(us) ? us : sp_binop(vm, SP_OP_TRUEDIV, us, sp_int(1000000));
}

static sp_Value g_days(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DL(s)->days); }
static sp_Value g_seconds(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DL(s)->secs); }
static sp_Value g_microseconds(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DL(s)->us); }

static sp_Value m_delta_divmod(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_delta, "__divmod__") || !spc_onearg(vm, "__divmod__", nargs - 1, kw))
        return SP_ERRV;
    if (!IS_DELTA(args[1])) return SP_NOTIMPL;
    sp_Value qr[2] = {delta_arith(vm, SP_OP_FLOORDIV, args[0], args[1]), SP_NONEV};
    if (sp_iserr(qr[0]) || !sp_pin(vm, qr[0])) return SP_ERRV;
    qr[1] = delta_arith(vm, SP_OP_MOD, args[0], args[1]);
    sp_unpin(vm, 1);
    return sp_iserr(qr[1]) ? qr[1] : sp_tuple_pack(vm, 2, qr);
}

static sp_Value g_min(sp_VM *vm, sp_Value s);
static sp_Value g_max(sp_VM *vm, sp_Value s);
static sp_Value g_resolution(sp_VM *vm, sp_Value s);
#define CONSTANT_GETSETS {"min", g_min, NULL}, {"max", g_max, NULL}, {"resolution", g_resolution, NULL},

static const sp_MethodDef delta_methods[] = {
    {"total_seconds", m_delta_total_seconds, 0}, {"__divmod__", m_delta_divmod, 0},
    {"__new__", m_delta_new, SP_METH_STATIC}, {"__hash__", m_hash, 0}, {NULL, NULL, 0},
};
static const sp_GetSetDef delta_getsets[] = {
    {"days", g_days, NULL}, {"seconds", g_seconds, NULL}, {"microseconds", g_microseconds, NULL},
    CONSTANT_GETSETS {NULL, NULL, NULL},
};

static sp_Type t_delta = {
    .h = SP_STATIC_HDR(&t_meta), .name = "datetime.timedelta", .base = &sp_t_object,
    .methods = delta_methods, .getsets = delta_getsets, .new_ = delta_new, .repr = delta_repr,
    .str = delta_str, .hash = delta_hash, .richcmp = delta_richcmp, .truthy = delta_truthy,
    .binop = delta_binop, .unop = delta_unop,
};

/* ------------------------------------------------------------ formatting */

/* "+HH:MM[:SS[.ffffff]]" (sep ":") or "+HHMM..." (sep ""). */
static bool fmt_offset(sp_Buf *b, int64_t us, const char *sep) {
    char sign = us < 0 ? '-' : '+';
    if (us < 0) us = -us;
    int64_t s = us / 1000000, f = us % 1000000;
    if (!sp_buf_addf(b, "%c%02d%s%02d", sign, (int)(s / 3600), sep, (int)(s / 60 % 60))) return false;
    if ((s % 60 || f) && !sp_buf_addf(b, "%s%02d", sep, (int)(s % 60))) return false;
    return !f || sp_buf_addf(b, ".%06d", (int)f);
}

static const char *const timespecs[] = {"auto", "hours", "minutes", "seconds", "milliseconds", "microseconds", NULL};

static bool fmt_time(sp_Buf *b, DT *d, int spec) {
    if (spec == 0) spec = d->us ? 5 : 3;
    switch (spec) {
    case 1: return sp_buf_addf(b, "%02d", d->hour);
    case 2: return sp_buf_addf(b, "%02d:%02d", d->hour, d->minute);
    case 3: return sp_buf_addf(b, "%02d:%02d:%02d", d->hour, d->minute, d->second);
    case 4: return sp_buf_addf(b, "%02d:%02d:%02d.%03d", d->hour, d->minute, d->second, d->us / 1000);
    default: return sp_buf_addf(b, "%02d:%02d:%02d.%06d", d->hour, d->minute, d->second, d->us);
    }
}

/* isoformat for date (what 1), time (2) or datetime (3). */
static sp_Value isoformat(sp_VM *vm, sp_Value self, int what, const char *sep, size_t seplen, int spec) {
    DT *d = DTP(self);
    int64_t off = 0;
    bool aware = false;
    if (what != 1 && !offset_us(vm, self, &off, &aware)) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true;
    if (what & 1) ok = sp_buf_addf(&b, "%04d-%02d-%02d", d->year, d->month, d->day);
    if (ok && what == 3) ok = sp_buf_add(&b, sep, seplen);
    if (ok && what & 2) ok = fmt_time(&b, d, spec) && (!aware || fmt_offset(&b, off, ":"));
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static const char *const day_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
static const char *const month_names[] = {"", "January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

static int yday_of(DT *d) { return days_before_month(d->year, d->month) + d->day; }

/* One strftime conversion (glibc's C locale); false on allocation failure. */
static bool strf_one(sp_VM *vm, sp_Buf *b, DT *d, sp_Value self, char c, char flag, bool *unknown) {
    int wd = weekday_of(d->year, d->month, d->day), yd = yday_of(d), iy, iw, id;
    int num = -1, width = 2;
    switch (c) {
    case 'a': return sp_buf_add(b, day_names[wd], 3);
    case 'A': return sp_buf_adds(b, day_names[wd]);
    case 'b': case 'h': return sp_buf_add(b, month_names[d->month], 3);
    case 'B': return sp_buf_adds(b, month_names[d->month]);
    case 'c':
        return sp_buf_addf(b, "%.3s %.3s %2d %02d:%02d:%02d %d", day_names[wd], month_names[d->month], d->day,
                           d->hour, d->minute, d->second, d->year);
    case 'x': return sp_buf_addf(b, "%02d/%02d/%02d", d->month, d->day, d->year % 100);
    case 'D': return sp_buf_addf(b, "%02d/%02d/%02d", d->month, d->day, d->year % 100);
    case 'X': case 'T': return sp_buf_addf(b, "%02d:%02d:%02d", d->hour, d->minute, d->second);
    case 'R': return sp_buf_addf(b, "%02d:%02d", d->hour, d->minute);
    case 'r':
        return sp_buf_addf(b, "%02d:%02d:%02d %s", d->hour % 12 ? d->hour % 12 : 12, d->minute, d->second,
                           d->hour < 12 ? "AM" : "PM");
    case 's': /* mktime() of the fields, local time being UTC */
        return sp_buf_addf(b, "%lld", (long long)((ymd_to_ord(d->year, d->month, d->day) - 719163) * 86400 +
                                                  d->hour * 3600 + d->minute * 60 + d->second));
    case 'F': return sp_buf_addf(b, "%d-%02d-%02d", d->year, d->month, d->day);
    case 'p': return sp_buf_adds(b, d->hour < 12 ? "AM" : "PM");
    case 'P': return sp_buf_adds(b, d->hour < 12 ? "am" : "pm");
    case 'n': return sp_buf_addc(b, '\n');
    case 't': return sp_buf_addc(b, '\t');
    case '%': return sp_buf_addc(b, '%');
    case 'f': return sp_buf_addf(b, "%06d", d->us);
    case 'z': case 'Z': {
        if (IS_DATE(self) && !IS_DT(self)) return true;
        if (c == 'Z') {
            sp_Value n = tz_call(vm, d->tz, "tzname", IS_TIME(self) ? SP_NONEV : self);
            return !sp_iserr(n) && (sp_isnone(n) || sp_buf_addv(b, n, false));
        }
        int64_t off;
        bool aware;
        return offset_us(vm, self, &off, &aware) && (!aware || fmt_offset(b, off, ""));
    }
    case 'd': num = d->day; break;
    case 'e': num = d->day; if (!flag) flag = '_'; break;
    case 'H': num = d->hour; break;
    case 'k': num = d->hour; if (!flag) flag = '_'; break;
    case 'I': num = d->hour % 12 ? d->hour % 12 : 12; break;
    case 'l': num = d->hour % 12 ? d->hour % 12 : 12; if (!flag) flag = '_'; break;
    case 'j': num = yd, width = 3; break;
    case 'm': num = d->month; break;
    case 'M': num = d->minute; break;
    case 'S': num = d->second; break;
    case 'y': num = d->year % 100; break;
    case 'Y': num = d->year, width = 1; break;
    case 'C': num = d->year / 100; break;
    case 'G': iso_calendar(d->year, d->month, d->day, &iy, &iw, &id); num = iy, width = 1; break;
    case 'g': iso_calendar(d->year, d->month, d->day, &iy, &iw, &id); num = iy % 100; break;
    case 'V': iso_calendar(d->year, d->month, d->day, &iy, &iw, &id); num = iw; break;
    case 'u': num = wd + 1, width = 1; break;
    case 'w': num = (wd + 1) % 7, width = 1; break;
    case 'U': num = (yd - 1 + 7 - (wd + 1) % 7) / 7; break;
    case 'W': num = (yd - 1 + 7 - wd) / 7; break;
    default: *unknown = true; return true;
    }
    if (flag == '-') return sp_buf_addf(b, "%d", num);
    if (flag == '_') return sp_buf_addf(b, "%*d", width, num);
    return sp_buf_addf(b, "%0*d", width, num);
}

static sp_Value strftime_impl(sp_VM *vm, sp_Value self, sp_Value fmt) {
    if (!sp_isstr(fmt)) return sp_raise(vm, &sp_t_TypeError, "strftime() argument 1 must be str, not %T", fmt);
    /* CPython's date.strftime starts from self.timetuple(), which asks dst() */
    if (IS_DT(self) && sp_iserr(tz_call(vm, DTP(self)->tz, "dst", self))) return SP_ERRV;
    sp_Str *f = SP_STR(fmt);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true;
    for (size_t i = 0; ok && i < f->len; i++) {
        if (f->data[i] != '%' || i + 1 >= f->len) {
            ok = sp_buf_addc(&b, f->data[i]);
            continue;
        }
        size_t start = i++;
        char flag = 0;
        if ((f->data[i] == '-' || f->data[i] == '_' || f->data[i] == '0') && i + 1 < f->len) flag = f->data[i++];
        bool unknown = false;
        ok = strf_one(vm, &b, DTP(self), self, f->data[i], flag == '0' ? 0 : flag, &unknown) && sp_check_limits(vm);
        if (ok && unknown) ok = sp_buf_add(&b, f->data + start, i - start + 1);
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static sp_Value m_strftime(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "strftime", args + 1, nargs - 1, kw, "format", a)) return SP_ERRV;
    return strftime_impl(vm, args[0], a[0]);
}

static sp_Value m_format(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_onearg(vm, "__format__", nargs - 1, kw)) return SP_ERRV;
    if (!sp_isstr(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "__format__() argument 1 must be str, not %T", args[1]);
    if (SP_STR(args[1])->len == 0) return sp_str(vm, args[0]);
    return strftime_impl(vm, args[0], args[1]);
}

static sp_Value dt_format_slot(sp_VM *vm, sp_Value self, sp_Str *spec) {
    if (spec->len == 0) return sp_str(vm, self);
    return strftime_impl(vm, self, sp_objv(spec));
}

static sp_Value ctime_impl(sp_VM *vm, DT *d) {
    int wd = weekday_of(d->year, d->month, d->day);
    return sp_fmt(vm, "%.3s %.3s %2d %02d:%02d:%02d %04d", day_names[wd], month_names[d->month], d->day, d->hour,
                  d->minute, d->second, d->year);
}

static sp_Value m_ctime(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "ctime", nargs - 1, kw)) return SP_ERRV;
    return ctime_impl(vm, DTP(args[0]));
}

/* ------------------------------------------------------------ date */

static sp_Value date_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[3];
    int y, m, d;
    if (!ctor_args(vm, "function", args, nargs, kw, "year,month,day", a) || !int_arg(vm, a[0], &y) ||
        !int_arg(vm, a[1], &m) || !int_arg(vm, a[2], &d))
        return SP_ERRV;
    return retype(vm, t, mk_date(vm, y, m, d));
}

/* The date of ordinal ord as an instance of t (a class gets cls(y, m, d)). */
static sp_Value date_from_ord(sp_VM *vm, sp_Type *t, int64_t ord) {
    if (ord < 1 || ord > MAXORDINAL) return out_of_range(vm);
    int f[8] = {0};
    ord_to_ymd(ord, &f[0], &f[1], &f[2]);
    return make_of(vm, t, f, SP_NONEV, 3);
}

static sp_Value date_repr(sp_VM *vm, sp_Value self) {
    DT *d = DTP(self);
    return sp_fmt(vm, "%s(%d, %d, %d)", sp_typename(self), d->year, d->month, d->day);
}

static sp_Value date_str(sp_VM *vm, sp_Value self) { return isoformat(vm, self, 1, NULL, 0, 0); }

static bool bytes_hash(const uint8_t *p, size_t n, int64_t *out) {
    *out = sp_bytes_hash_raw(p, n);
    return true;
}

static bool date_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    (void)vm;
    DT *d = DTP(self);
    uint8_t b[4] = {(uint8_t)(d->year >> 8), (uint8_t)d->year, (uint8_t)d->month, (uint8_t)d->day};
    return bytes_hash(b, 4, out);
}

static int date_cmp(DT *a, DT *b) {
    int c = cmp3(a->year, b->year);
    if (!c) c = cmp3(a->month, b->month);
    return c ? c : cmp3(a->day, b->day);
}

static sp_Value dt_mixed_cmp(sp_VM *vm, int op) {
    if (op == SP_EQ) return SP_FALSEV;
    if (op == SP_NE) return SP_TRUEV;
    return sp_raise(vm, &sp_t_TypeError, "can't compare datetime.datetime to datetime.date");
}

static sp_Value date_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!IS_DATE(a) || !IS_DATE(b)) return SP_NOTIMPL;
    if (IS_DT(a) != IS_DT(b)) return dt_mixed_cmp(vm, op);
    return sp_cmp_result(date_cmp(DTP(a), DTP(b)), op);
}

#define CLS_METHOD(fn) static sp_Value fn(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw)
#define CLS(args) ((sp_Type *)SP_O(args[0]))

static double host_clock(sp_VM *vm, const char *what, bool *ok) {
    *ok = vm->clock != NULL;
    if (!*ok)
        sp_raise(vm, &sp_t_RuntimeError,
                 "%s needs the clock, which this sandbox does not provide (the host set no clock function)", what);
    return *ok ? vm->clock(vm->clock_ud) : 0;
}

static sp_Value from_timestamp(sp_VM *vm, sp_Type *t, sp_Value ts, sp_Value tz, bool utc);

/* Local time is not available: "now" and "today" are taken in UTC when
 * the host provides a clock. */
CLS_METHOD(m_date_today) {
    if (!spc_noargs(vm, "today", nargs - 1, kw)) return SP_ERRV;
    bool ok;
    double now = host_clock(vm, "date.today()", &ok);
    if (!ok) return SP_ERRV;
    sp_Value dt = from_timestamp(vm, &t_datetime, sp_float(now), SP_NONEV, true);
    if (sp_iserr(dt)) return dt;
    if (dt_kind(CLS(args)) == &t_datetime) return from_timestamp(vm, CLS(args), sp_float(now), SP_NONEV, true);
    int f[8] = {DTP(dt)->year, DTP(dt)->month, DTP(dt)->day, 0, 0, 0, 0, 0};
    return make_of(vm, CLS(args), f, SP_NONEV, 3);
}

CLS_METHOD(m_date_fromordinal) {
    int64_t ord;
    if (!spc_onearg(vm, "fromordinal", nargs - 1, kw)) return SP_ERRV;
    if (!sp_isintlike(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    if (!sp_int_to_i64(vm, args[1], &ord)) return SP_ERRV;
    if (ord < 1) return sp_raise(vm, &sp_t_ValueError, "ordinal must be >= 1");
    if (ord > INT32_MAX) return sp_raise(vm, &sp_t_OverflowError, "signed integer is greater than maximum");
    if (ord > MAXORDINAL) {
        int y, m, d;
        ord_to_ymd(ord, &y, &m, &d);
        return sp_raise(vm, &sp_t_ValueError, "year %d is out of range", y);
    }
    return date_from_ord(vm, CLS(args), ord);
}

static sp_Value m_toordinal(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_date, "toordinal") || !spc_noargs(vm, "toordinal", nargs - 1, kw))
        return SP_ERRV;
    DT *d = DTP(args[0]);
    return sp_int(ymd_to_ord(d->year, d->month, d->day));
}

static sp_Value m_weekday(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_date, "weekday") || !spc_noargs(vm, "weekday", nargs - 1, kw)) return SP_ERRV;
    return sp_int(weekday_of(DTP(args[0])->year, DTP(args[0])->month, DTP(args[0])->day));
}

static sp_Value m_isoweekday(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_date, "isoweekday") || !spc_noargs(vm, "isoweekday", nargs - 1, kw))
        return SP_ERRV;
    return sp_int(weekday_of(DTP(args[0])->year, DTP(args[0])->month, DTP(args[0])->day) + 1);
}

static sp_Value m_isocalendar(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_date, "isocalendar") || !spc_noargs(vm, "isocalendar", nargs - 1, kw))
        return SP_ERRV;
    int y, w, d;
    iso_calendar(DTP(args[0])->year, DTP(args[0])->month, DTP(args[0])->day, &y, &w, &d);
    sp_Value items[3] = {sp_int(y), sp_int(w), sp_int(d)};
    sp_Value t = sp_tuple_pack(vm, 3, items);
    if (!sp_iserr(t)) SP_O(t)->type = &t_isocal;
    return t;
}

static sp_Value m_date_isoformat(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "isoformat", nargs - 1, kw)) return SP_ERRV;
    return isoformat(vm, args[0], 1, NULL, 0, 0);
}

/* replace(**fields) for all three types: the fields the type has. */
static sp_Value replace_impl(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, int what) {
    static const char *const specs[] = {"", "|year,month,day", "|hour,minute,second,microsecond,tzinfo,$fold",
                                        "|year,month,day,hour,minute,second,microsecond,tzinfo,$fold"};
    DT *d = DTP(args[0]);
    sp_Value a[9];
    for (int i = 0; i < 9; i++) a[i] = SP_NULLV;
    sp_Value *dst = what == 2 ? a + 3 : a;
    if (!sp_parse_args(vm, "replace", args + 1, nargs - 1, kw, specs[what], dst)) {
        if (sp_err_matches(vm, &sp_t_TypeError) && kw) { /* CPython words unknown keywords its own way */
            sp_Value e = sp_err_fetch(vm);
            sp_Value s = sp_exc_str(vm, e);
            const char *q = sp_isstr(s) ? strstr(SP_STR(s)->data, "keyword argument '") : NULL;
            if (!q) return vm->exc = e, SP_ERRV;
            q += strlen("keyword argument '");
            const char *end = strchr(q, '\'');
            return sp_raise(vm, &sp_t_TypeError, "'%.*s' is an invalid keyword argument for replace()",
                            (int)(end ? end - q : 0), q);
        }
        return SP_ERRV;
    }
    int f[8] = {d->year, d->month, d->day, d->hour, d->minute, d->second, d->us, d->fold};
    for (int i = 0; i < 7; i++)
        if (!opt_int(vm, a[i], &f[i])) return SP_ERRV;
    if (!opt_int(vm, a[8], &f[7])) return SP_ERRV;
    sp_Value tz = sp_isnull(a[7]) ? d->tz : a[7];
    sp_Type *t = sp_typeof(args[0]);
    if (what == 1) return retype(vm, t, mk_date(vm, f[0], f[1], f[2]));
    if (what == 2) return retype(vm, t, mk_time(vm, f[3], f[4], f[5], f[6], tz, f[7]));
    return retype(vm, t, mk_datetime(vm, f, tz));
}

static sp_Value m_date_replace(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return replace_impl(vm, args, nargs, kw, IS_DT(args[0]) ? 3 : 1);
}

static sp_Value g_year(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->year); }
static sp_Value g_month(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->month); }
static sp_Value g_day(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->day); }
static sp_Value g_hour(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->hour); }
static sp_Value g_minute(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->minute); }
static sp_Value g_second(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->second); }
static sp_Value g_us(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->us); }
static sp_Value g_fold(sp_VM *vm, sp_Value s) { (void)vm; return sp_int(DTP(s)->fold); }
static sp_Value g_tzinfo(sp_VM *vm, sp_Value s) { (void)vm; return DTP(s)->tz; }

static sp_Value parse_iso_date(sp_VM *vm, sp_Type *t, sp_Value s);
CLS_METHOD(m_date_fromisoformat) {
    if (!spc_onearg(vm, "fromisoformat", nargs - 1, kw)) return SP_ERRV;
    return parse_iso_date(vm, CLS(args), args[1]);
}

static bool iso_to_ymd(int iy, int iw, int id, int *y, int *m, int *d) {
    if (iw <= 0 || iw >= 53) {
        int fw = weekday_of(iy, 1, 1);
        if (!(iw == 53 && (fw == 3 || (fw == 2 && is_leap(iy))))) return false;
    }
    if (id <= 0 || id >= 8) return false;
    ord_to_ymd(iso_week1_monday(iy) + (iw - 1) * 7 + id - 1, y, m, d);
    return true;
}

CLS_METHOD(m_date_fromisocalendar) {
    sp_Value a[3];
    int y, w, d, oy, om, od;
    if (!sp_parse_args(vm, "fromisocalendar", args + 1, nargs - 1, kw, "year,week,day", a) ||
        !int_arg(vm, a[0], &y) || !int_arg(vm, a[1], &w) || !int_arg(vm, a[2], &d))
        return SP_ERRV;
    if (y < 1 || y > 9999) return sp_raise(vm, &sp_t_ValueError, "Year is out of range: %d", y);
    if (w <= 0 || w >= 54 || (w == 53 && !iso_to_ymd(y, w, 1, &oy, &om, &od)))
        return sp_raise(vm, &sp_t_ValueError, "Invalid week: %d", w);
    if (d <= 0 || d >= 8) return sp_raise(vm, &sp_t_ValueError, "Invalid day: %d (range is [1, 7])", d);
    iso_to_ymd(y, w, d, &oy, &om, &od);
    int f[8] = {oy, om, od, 0, 0, 0, 0, 0};
    return make_of(vm, CLS(args), f, SP_NONEV, 3);
}

/* time.struct_time((y, m, d, H, M, S, wday, yday, isdst)) of d. */
static int64_t dt_local_us(DT *d);
static sp_Value dt_from_local_us(sp_VM *vm, sp_Type *t, int64_t us, sp_Value tz);

static sp_Value struct_time(sp_VM *vm, sp_Value v, int isdst) {
    DT *d = DTP(v);
    bool dt = IS_DT(v);
    sp_Value items[9] = {sp_int(d->year), sp_int(d->month), sp_int(d->day), sp_int(dt ? d->hour : 0),
                         sp_int(dt ? d->minute : 0), sp_int(dt ? d->second : 0),
                         sp_int(weekday_of(d->year, d->month, d->day)), sp_int(yday_of(d)), sp_int(isdst)};
    sp_Value t = sp_tuple_pack(vm, 9, items);
    if (!sp_iserr(t)) SP_O(t)->type = &t_structtime;
    return t;
}

/* tm_isdst: -1 without a dst() answer, else whether it is non-zero. */
static sp_Value m_timetuple(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_date, "timetuple") || !spc_noargs(vm, "timetuple", nargs - 1, kw))
        return SP_ERRV;
    int isdst = -1;
    if (IS_DT(args[0])) {
        sp_Value r = tz_call(vm, DTP(args[0])->tz, "dst", args[0]);
        if (sp_iserr(r)) return r;
        if (!sp_isnone(r)) isdst = delta_us(DL(r)) != 0;
    }
    return struct_time(vm, args[0], isdst);
}

static sp_Value m_utctimetuple(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "utctimetuple", nargs - 1, kw)) return SP_ERRV;
    int64_t off;
    bool aware;
    if (!offset_us(vm, args[0], &off, &aware)) return SP_ERRV;
    if (!off) return struct_time(vm, args[0], 0);
    sp_Value u = dt_from_local_us(vm, &t_datetime, dt_local_us(DTP(args[0])) - off, SP_NONEV);
    return sp_iserr(u) ? u : struct_time(vm, u, 0);
}

CLS_METHOD(m_date_fromtimestamp);

static const sp_MethodDef date_methods[] = {
    {"__new__", m_date_new, SP_METH_STATIC},
    {"__hash__", m_hash, 0},
    {"today", m_date_today, SP_METH_CLASS},
    {"fromordinal", m_date_fromordinal, SP_METH_CLASS},
    {"fromisoformat", m_date_fromisoformat, SP_METH_CLASS},
    {"fromisocalendar", m_date_fromisocalendar, SP_METH_CLASS},
    {"fromtimestamp", m_date_fromtimestamp, SP_METH_CLASS},
    {"toordinal", m_toordinal, 0},
    {"weekday", m_weekday, 0},
    {"isoweekday", m_isoweekday, 0},
    {"isocalendar", m_isocalendar, 0},
    {"isoformat", m_date_isoformat, 0},
    {"strftime", m_strftime, 0},
    {"__format__", m_format, 0},
    {"ctime", m_ctime, 0},
    {"replace", m_date_replace, 0},
    {"timetuple", m_timetuple, 0},
    {NULL, NULL, 0},
};
static const sp_GetSetDef date_getsets[] = {
    {"year", g_year, NULL}, {"month", g_month, NULL}, {"day", g_day, NULL}, CONSTANT_GETSETS {NULL, NULL, NULL},
};

static sp_Type t_date = {
    .h = SP_STATIC_HDR(&t_meta), .name = "datetime.date", .base = &sp_t_object,
    .methods = date_methods, .getsets = date_getsets, .traverse = dt_traverse, .new_ = date_new, .repr = date_repr,
    .str = date_str, .hash = date_hash, .richcmp = date_richcmp, .binop = delta_binop,
    .format = dt_format_slot,
};

/* ------------------------------------------------------------ date/datetime arithmetic */

static int64_t dt_local_us(DT *d) {
    return ((ymd_to_ord(d->year, d->month, d->day) - 1) * 86400 + d->hour * 3600 + d->minute * 60 + d->second) *
               1000000LL + d->us;
}

/* The datetime of local microseconds us as an instance of t (a datetime
 * class gets cls(y, m, d, H, M, S, us, tz)). */
static sp_Value dt_from_local_us(sp_VM *vm, sp_Type *t, int64_t us, sp_Value tz) {
    if (us < 0 || us >= (int64_t)MAXORDINAL * US_PER_DAY) return out_of_range(vm);
    int64_t days = us / US_PER_DAY, rest = us % US_PER_DAY;
    int f[8] = {0};
    ord_to_ymd(days + 1, &f[0], &f[1], &f[2]);
    f[3] = (int)(rest / 3600000000LL), f[4] = (int)(rest / 60000000 % 60);
    f[5] = (int)(rest / 1000000 % 60), f[6] = (int)(rest % 1000000);
    return t == &t_datetime ? new_dt(vm, t, f, tz) : make_of(vm, t, f, tz, 8);
}

/* tz.fromutc(utc), utc holding UTC fields and tz: a timezone's directly,
 * any other tzinfo's through its method, an override included (CPython's
 * astimezone and fromtimestamp). */
static sp_Value from_utc(sp_VM *vm, sp_Value utc, sp_Value tz) {
    if (sp_istype(tz, &t_timezone))
        return need_dt(vm, utc) ? dt_from_local_us(vm, sp_typeof(utc), dt_local_us(DTP(utc)) + delta_us(DL(TZP(tz)->offset)), tz) : SP_ERRV;
    if (!sp_pin(vm, utc)) return SP_ERRV;
    sp_Value f = sp_getattrs(vm, tz, "fromutc");
    sp_Value r = sp_iserr(f) ? f : sp_call1(vm, f, utc);
    sp_unpin(vm, 1);
    return r;
}

/* date/datetime +- timedelta, date - date, datetime - datetime. */
static sp_Value dt_arith(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op != SP_OP_ADD && op != SP_OP_SUB) return SP_NOTIMPL;
    if (op == SP_OP_ADD && IS_DELTA(a)) {
        sp_Value t = a;
        a = b, b = t;
    }
    if (!IS_DATE(a)) return SP_NOTIMPL;
    DT *d = DTP(a);
    if (IS_DELTA(b)) {
        Delta *x = DL(b);
        int64_t sign = op == SP_OP_ADD ? 1 : -1;
        if (x->days > 2 * MAXORDINAL || x->days < -2 * MAXORDINAL) return out_of_range(vm);
        if (!IS_DT(a)) return date_from_ord(vm, sp_typeof(a), ymd_to_ord(d->year, d->month, d->day) + sign * x->days);
        return dt_from_local_us(vm, sp_typeof(a), dt_local_us(d) + sign * delta_us(x), d->tz);
    }
    if (op != SP_OP_SUB || !IS_DATE(b) || IS_DT(a) != IS_DT(b)) return SP_NOTIMPL;
    DT *e = DTP(b);
    if (!IS_DT(a)) return mk_delta(vm, ymd_to_ord(d->year, d->month, d->day) - ymd_to_ord(e->year, e->month, e->day), 0, 0);
    int64_t oa = 0, ob = 0;
    bool aa = false, ab = false;
    if (!sp_is(d->tz, e->tz) && (!offset_us(vm, a, &oa, &aa) || !offset_us(vm, b, &ob, &ab))) return SP_ERRV;
    if (aa != ab) return sp_raise(vm, &sp_t_TypeError, "can't subtract offset-naive and offset-aware datetimes");
    return mk_delta(vm, 0, 0, (dt_local_us(d) - oa) - (dt_local_us(e) - ob));
}

/* ------------------------------------------------------------ time */

static sp_Value time_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[6];
    int f[5] = {0, 0, 0, 0, 0};
    if (!ctor_args(vm, "function", args, nargs, kw, "|hour,minute,second,microsecond,tzinfo,$fold", a))
        return SP_ERRV;
    for (int i = 0; i < 4; i++)
        if (!opt_int(vm, a[i], &f[i])) return SP_ERRV;
    if (!opt_int(vm, a[5], &f[4])) return SP_ERRV;
    return retype(vm, t, mk_time(vm, f[0], f[1], f[2], f[3], sp_isnull(a[4]) ? SP_NONEV : a[4], f[4]));
}

/* ", tzinfo=...)" and ", fold=1)" tails shared by time and datetime reprs
 * (CPython writes fold first for datetime, last for time). */
static sp_Value repr_tail(sp_Buf *b, DT *d, bool fold_first) {
    bool ok = !fold_first || !d->fold || sp_buf_adds(b, ", fold=1");
    if (ok && !sp_isnone(d->tz)) ok = sp_buf_adds(b, ", tzinfo=") && sp_buf_addv(b, d->tz, true);
    if (ok && !fold_first && d->fold) ok = sp_buf_adds(b, ", fold=1");
    if (!ok || !sp_buf_addc(b, ')')) return sp_buf_free(b), SP_ERRV;
    return sp_buf_tostr(b);
}

static sp_Value time_repr(sp_VM *vm, sp_Value self) {
    DT *d = DTP(self);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_addf(&b, "%s(%d, %d", sp_typename(self), d->hour, d->minute);
    if (ok && (d->second || d->us)) ok = sp_buf_addf(&b, ", %d", d->second);
    if (ok && d->us) ok = sp_buf_addf(&b, ", %d", d->us);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return repr_tail(&b, d, IS_DT(self));
}

static sp_Value time_str(sp_VM *vm, sp_Value self) { return isoformat(vm, self, 2, NULL, 0, 0); }

static bool naive_time_hash(DT *d, int64_t *out) {
    uint8_t b[6] = {(uint8_t)d->hour, (uint8_t)d->minute, (uint8_t)d->second, (uint8_t)(d->us >> 16),
                    (uint8_t)(d->us >> 8), (uint8_t)d->us};
    return bytes_hash(b, 6, out);
}

static bool time_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    DT *d = DTP(self);
    int64_t off;
    bool aware;
    if (!offset_us(vm, self, &off, &aware)) return false;
    if (!aware) return naive_time_hash(d, out);
    int64_t us = (d->hour * 3600 + d->minute * 60 + d->second) * 1000000LL + d->us - off;
    Delta tmp = {SP_STATIC_HDR(&t_delta), floordiv(us, US_PER_DAY), floormod(us, US_PER_DAY) / 1000000,
                 floormod(us, 1000000)};
    return delta_hash(vm, sp_objv(&tmp), out);
}

static sp_Value time_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!IS_TIME(a) || !IS_TIME(b)) return SP_NOTIMPL;
    DT *x = DTP(a), *y = DTP(b);
    int64_t oa = 0, ob = 0;
    bool aa = false, ab = false;
    if (!sp_is(x->tz, y->tz) && (!offset_us(vm, a, &oa, &aa) || !offset_us(vm, b, &ob, &ab))) return SP_ERRV;
    if (aa != ab) {
        if (op == SP_EQ || op == SP_NE) return sp_bool(op == SP_NE);
        return sp_raise(vm, &sp_t_TypeError, "can't compare offset-naive and offset-aware times");
    }
    int64_t ua = (x->hour * 3600 + x->minute * 60 + x->second) * 1000000LL + x->us - oa;
    int64_t ub = (y->hour * 3600 + y->minute * 60 + y->second) * 1000000LL + y->us - ob;
    return sp_cmp_result(cmp3(ua, ub), op);
}

static int parse_timespec(sp_VM *vm, sp_Value v) {
    if (sp_isnull(v)) return 0;
    if (!sp_isstr(v)) return sp_raise(vm, &sp_t_TypeError, "isoformat() argument 'timespec' must be str, not %T", v), -1;
    for (int i = 0; timespecs[i]; i++)
        if (sp_str_eqc(SP_STR(v), timespecs[i])) return i;
    sp_raise(vm, &sp_t_ValueError, "Unknown timespec value");
    return -1;
}

static sp_Value m_time_isoformat(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "isoformat", args + 1, nargs - 1, kw, "|timespec", a)) return SP_ERRV;
    int spec = parse_timespec(vm, a[0]);
    return spec < 0 ? SP_ERRV : isoformat(vm, args[0], 2, NULL, 0, spec);
}

static sp_Value m_time_replace(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return replace_impl(vm, args, nargs, kw, 2);
}

static sp_Value tz_method(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *meth) {
    if (!spc_noargs(vm, meth, nargs - 1, kw)) return SP_ERRV;
    return tz_call(vm, DTP(args[0])->tz, meth, IS_TIME(args[0]) ? SP_NONEV : args[0]);
}
static sp_Value m_utcoffset(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return tz_method(vm, a, n, kw, "utcoffset"); }
static sp_Value m_dst(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return tz_method(vm, a, n, kw, "dst"); }
static sp_Value m_tzname(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return tz_method(vm, a, n, kw, "tzname"); }

static sp_Value parse_iso_time(sp_VM *vm, sp_Type *t, sp_Value s);
CLS_METHOD(m_time_fromisoformat) {
    if (!spc_onearg(vm, "fromisoformat", nargs - 1, kw)) return SP_ERRV;
    return parse_iso_time(vm, CLS(args), args[1]);
}

static const sp_MethodDef time_methods[] = {
    {"isoformat", m_time_isoformat, 0}, {"strftime", m_strftime, 0}, {"__format__", m_format, 0},
    {"replace", m_time_replace, 0},     {"utcoffset", m_utcoffset, 0}, {"dst", m_dst, 0},
    {"tzname", m_tzname, 0},            {"fromisoformat", m_time_fromisoformat, SP_METH_CLASS},
    {"__new__", m_time_new, SP_METH_STATIC}, {"__hash__", m_hash, 0},
    {NULL, NULL, 0},
};
static const sp_GetSetDef time_getsets[] = {
    {"hour", g_hour, NULL}, {"minute", g_minute, NULL}, {"second", g_second, NULL},
    {"microsecond", g_us, NULL}, {"tzinfo", g_tzinfo, NULL}, {"fold", g_fold, NULL}, CONSTANT_GETSETS {NULL, NULL, NULL},
};

static sp_Type t_time = {
    .h = SP_STATIC_HDR(&t_meta), .name = "datetime.time", .base = &sp_t_object,
    .methods = time_methods, .getsets = time_getsets, .traverse = dt_traverse, .new_ = time_new, .repr = time_repr,
    .str = time_str, .hash = time_hash, .richcmp = time_richcmp, .format = dt_format_slot,
};

/* ------------------------------------------------------------ datetime */

static sp_Value datetime_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[9];
    int f[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (!ctor_args(vm, "function", args, nargs, kw,
                       "year,month,day|hour,minute,second,microsecond,tzinfo,$fold", a))
        return SP_ERRV;
    for (int i = 0; i < 7; i++)
        if (!opt_int(vm, a[i], &f[i])) return SP_ERRV;
    if (!opt_int(vm, a[8], &f[7])) return SP_ERRV;
    return retype(vm, t, mk_datetime(vm, f, sp_isnull(a[7]) ? SP_NONEV : a[7]));
}

static sp_Value datetime_repr(sp_VM *vm, sp_Value self) {
    DT *d = DTP(self);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_addf(&b, "%s(%d, %d, %d, %d, %d", sp_typename(self), d->year, d->month, d->day, d->hour,
                          d->minute);
    if (ok && (d->second || d->us)) ok = sp_buf_addf(&b, ", %d", d->second);
    if (ok && d->us) ok = sp_buf_addf(&b, ", %d", d->us);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return repr_tail(&b, d, IS_DT(self));
}

static sp_Value datetime_str(sp_VM *vm, sp_Value self) { return isoformat(vm, self, 3, " ", 1, 0); }

static bool datetime_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    DT *d = DTP(self);
    int64_t off;
    bool aware;
    if (!offset_us(vm, self, &off, &aware)) return false;
    if (!aware) {
        uint8_t b[10] = {(uint8_t)(d->year >> 8), (uint8_t)d->year, (uint8_t)d->month, (uint8_t)d->day,
                         (uint8_t)d->hour, (uint8_t)d->minute, (uint8_t)d->second, (uint8_t)(d->us >> 16),
                         (uint8_t)(d->us >> 8), (uint8_t)d->us};
        return bytes_hash(b, 10, out);
    }
    int64_t us = dt_local_us(d) + US_PER_DAY - off; /* days counted from ordinal 1 */
    Delta tmp = {SP_STATIC_HDR(&t_delta), floordiv(us, US_PER_DAY), floormod(us, US_PER_DAY) / 1000000,
                 floormod(us, 1000000)};
    return delta_hash(vm, sp_objv(&tmp), out);
}

static sp_Value datetime_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!IS_DATE(a) || !IS_DATE(b)) return SP_NOTIMPL;
    if (!IS_DT(a) || !IS_DT(b)) return dt_mixed_cmp(vm, op);
    DT *x = DTP(a), *y = DTP(b);
    int64_t oa = 0, ob = 0;
    bool aa = false, ab = false;
    if (!sp_is(x->tz, y->tz) && (!offset_us(vm, a, &oa, &aa) || !offset_us(vm, b, &ob, &ab))) return SP_ERRV;
    if (aa != ab) {
        if (op == SP_EQ || op == SP_NE) return sp_bool(op == SP_NE);
        return sp_raise(vm, &sp_t_TypeError, "can't compare offset-naive and offset-aware datetimes");
    }
    return sp_cmp_result(cmp3(dt_local_us(x) - oa, dt_local_us(y) - ob), op);
}

/* POSIX seconds -> datetime in UTC, then converted to tz (if given). */
static sp_Value from_timestamp(sp_VM *vm, sp_Type *t, sp_Value ts, sp_Value tz, bool utc) {
    double s;
    if (sp_isfloat(ts)) s = ts.u.f;
    else if (sp_isintlike(ts)) {
        if (!sp_int_to_double(vm, ts, &s)) return SP_ERRV;
    } else
        return sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", ts);
    if (isnan(s)) return sp_raise(vm, &sp_t_ValueError, "Invalid value NaN (not a number)");
    if (!check_tz(vm, tz)) return SP_ERRV;
    (void)utc; /* local time is UTC (see the top comment) */
    double whole, frac = modf(s, &whole) * 1e6, rf = round(frac);
    if (fabs(frac - rf) == 0.5) rf = 2.0 * round(frac / 2.0); /* _PyTime_ROUND_HALF_EVEN */
    if (rf >= 1e6) rf -= 1e6, whole += 1;
    else if (rf < 0) rf += 1e6, whole -= 1;
    frac = rf;
    if (!(fabs(whole) < 9.2e18))
        return sp_raise(vm, &sp_t_OverflowError, "timestamp out of range for platform time_t");
    int64_t days = floordiv((int64_t)whole, 86400) + 719163;
    if (days < 1 || days > MAXORDINAL) {
        int64_t cyc = days < 1 ? (-days) / 146097 + 1 : 0;
        int y, mo, d;
        ord_to_ymd(days + cyc * 146097, &y, &mo, &d);
        return sp_raise(vm, &sp_t_ValueError, "year %lld is out of range", (long long)y - cyc * 400);
    }
    int64_t us = ((int64_t)whole + 62135596800LL) * 1000000 + (int64_t)frac;
    sp_Value r = dt_from_local_us(vm, t, us, sp_isnone(tz) ? SP_NONEV : tz);
    (void)t;
    return sp_iserr(r) || sp_isnone(tz) ? r : from_utc(vm, r, tz);
}

CLS_METHOD(m_dt_fromtimestamp) {
    sp_Value a[2];
    if (!sp_parse_args(vm, "fromtimestamp", args + 1, nargs - 1, kw, "timestamp|tz", a)) return SP_ERRV;
    return from_timestamp(vm, CLS(args), a[0], sp_isnull(a[1]) ? SP_NONEV : a[1], false);
}

CLS_METHOD(m_date_fromtimestamp) {
    if (!spc_onearg(vm, "fromtimestamp", nargs - 1, kw)) return SP_ERRV;
    sp_Value r = from_timestamp(vm, &t_datetime, args[1], SP_NONEV, false);
    if (sp_iserr(r)) return r;
    int f[8] = {DTP(r)->year, DTP(r)->month, DTP(r)->day, 0, 0, 0, 0, 0};
    return make_of(vm, CLS(args), f, SP_NONEV, 3);
}

CLS_METHOD(m_dt_utcfromtimestamp) {
    if (!spc_onearg(vm, "utcfromtimestamp", nargs - 1, kw)) return SP_ERRV;
    return from_timestamp(vm, CLS(args), args[1], SP_NONEV, true);
}

CLS_METHOD(m_dt_now) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "now", args + 1, nargs - 1, kw, "|tz", a)) return SP_ERRV;
    bool ok;
    double now = host_clock(vm, "datetime.now()", &ok);
    if (!ok) return SP_ERRV;
    return from_timestamp(vm, CLS(args), sp_float(now), sp_isnull(a[0]) ? SP_NONEV : a[0], true);
}

CLS_METHOD(m_dt_utcnow) {
    if (!spc_noargs(vm, "utcnow", nargs - 1, kw)) return SP_ERRV;
    bool ok;
    double now = host_clock(vm, "datetime.utcnow()", &ok);
    if (!ok) return SP_ERRV;
    return from_timestamp(vm, CLS(args), sp_float(now), SP_NONEV, true);
}

CLS_METHOD(m_dt_combine) {
    sp_Value a[3];
    if (!sp_parse_args(vm, "combine", args + 1, nargs - 1, kw, "date,time|tzinfo", a)) return SP_ERRV;
    if (!IS_DATE(a[0]))
        return sp_raise(vm, &sp_t_TypeError, "combine() argument 1 must be datetime.date, not %T", a[0]);
    if (!IS_TIME(a[1]))
        return sp_raise(vm, &sp_t_TypeError, "combine() argument 2 must be datetime.time, not %T", a[1]);
    DT *d = DTP(a[0]), *t = DTP(a[1]);
    int f[8] = {d->year, d->month, d->day, t->hour, t->minute, t->second, t->us, t->fold};
    return make_of(vm, CLS(args), f, sp_isnull(a[2]) ? t->tz : a[2], 8);
}

static sp_Value strptime_impl(sp_VM *vm, sp_Type *t, sp_Value s, sp_Value fmt);
CLS_METHOD(m_dt_strptime) {
    if (!spc_nokw(vm, "strptime", kw) || !spc_nargs(vm, "strptime", nargs - 1, 2, 2)) return SP_ERRV;
    return strptime_impl(vm, CLS(args), args[1], args[2]);
}

static sp_Value parse_iso_datetime(sp_VM *vm, sp_Type *t, sp_Value s);
CLS_METHOD(m_dt_fromisoformat) {
    if (!spc_onearg(vm, "fromisoformat", nargs - 1, kw)) return SP_ERRV;
    return parse_iso_datetime(vm, CLS(args), args[1]);
}

static sp_Value m_dt_isoformat(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!sp_parse_args(vm, "isoformat", args + 1, nargs - 1, kw, "|sep,timespec", a)) return SP_ERRV;
    const char *sep = "T";
    size_t seplen = 1;
    if (!sp_isnull(a[0])) {
        if (!sp_isstr(a[0]) || SP_STR(a[0])->clen != 1)
            return sp_raise(vm, &sp_t_TypeError, "isoformat() argument 1 must be a unicode character, not %T", a[0]);
        sep = SP_STR(a[0])->data, seplen = SP_STR(a[0])->len;
    }
    int spec = parse_timespec(vm, a[1]);
    return spec < 0 ? SP_ERRV : isoformat(vm, args[0], 3, sep, seplen, spec);
}

static sp_Value m_dt_date(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "date", nargs - 1, kw)) return SP_ERRV;
    return mk_date(vm, DTP(args[0])->year, DTP(args[0])->month, DTP(args[0])->day);
}

static sp_Value dt_time_part(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, bool withtz) {
    if (!spc_noargs(vm, withtz ? "timetz" : "time", nargs - 1, kw)) return SP_ERRV;
    DT *d = DTP(args[0]);
    return mk_time(vm, d->hour, d->minute, d->second, d->us, withtz ? d->tz : SP_NONEV, d->fold);
}
static sp_Value m_dt_time(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return dt_time_part(vm, a, n, kw, false); }
static sp_Value m_dt_timetz(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return dt_time_part(vm, a, n, kw, true); }

static sp_Value m_dt_timestamp(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "timestamp", nargs - 1, kw)) return SP_ERRV;
    int64_t off;
    bool aware;
    if (!offset_us(vm, args[0], &off, &aware)) return SP_ERRV; /* naive: local = UTC */
    int64_t us = dt_local_us(DTP(args[0])) - off - 62135596800LL * 1000000;
    return sp_binop(vm, SP_OP_TRUEDIV, sp_int(us), sp_int(1000000));
}

static sp_Value m_dt_astimezone(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "astimezone", args + 1, nargs - 1, kw, "|tz", a)) return SP_ERRV;
    int64_t off;
    bool aware;
    if (!offset_us(vm, args[0], &off, &aware)) return SP_ERRV; /* naive: local = UTC */
    if (sp_isnull(a[0]) || sp_isnone(a[0])) { /* the local zone: CPython's under TZ=UTC */
        sp_Value name = sp_str_cstr(vm, "UTC");
        a[0] = sp_iserr(name) ? name : new_timezone(vm, sp_objv(&delta_zero), name);
        if (sp_iserr(a[0])) return a[0];
    }
    if (!check_tz(vm, a[0])) return SP_ERRV;
    if (sp_is(DTP(args[0])->tz, a[0])) return args[0];
    /* self - offset, then its tzinfo swapped in place, as CPython does */
    sp_Value utc = dt_from_local_us(vm, sp_typeof(args[0]), dt_local_us(DTP(args[0])) - off, DTP(args[0])->tz);
    if (!need_dt(vm, utc)) return SP_ERRV;
    if (SP_O(utc)->gcflags & SP_GC_STATIC) { /* a class's __new__ returned datetime.min: never written */
        DT *u = DTP(utc);
        int f[8] = {u->year, u->month, u->day, u->hour, u->minute, u->second, u->us, u->fold};
        utc = new_dt(vm, &t_datetime, f, a[0]);
        if (sp_iserr(utc)) return utc;
    }
    DTP(utc)->tz = a[0];
    return from_utc(vm, utc, a[0]);
}

static const sp_MethodDef dt_methods[] = {
    {"__new__", m_datetime_new, SP_METH_STATIC},
    {"__hash__", m_hash, 0},
    {"now", m_dt_now, SP_METH_CLASS},
    {"utcnow", m_dt_utcnow, SP_METH_CLASS},
    {"fromtimestamp", m_dt_fromtimestamp, SP_METH_CLASS},
    {"utcfromtimestamp", m_dt_utcfromtimestamp, SP_METH_CLASS},
    {"combine", m_dt_combine, SP_METH_CLASS},
    {"strptime", m_dt_strptime, SP_METH_CLASS},
    {"fromisoformat", m_dt_fromisoformat, SP_METH_CLASS},
    {"isoformat", m_dt_isoformat, 0},
    {"date", m_dt_date, 0},
    {"time", m_dt_time, 0},
    {"timetz", m_dt_timetz, 0},
    {"timestamp", m_dt_timestamp, 0},
    {"astimezone", m_dt_astimezone, 0},
    {"utctimetuple", m_utctimetuple, 0},
    {"utcoffset", m_utcoffset, 0},
    {"dst", m_dst, 0},
    {"tzname", m_tzname, 0},
    {NULL, NULL, 0},
};

static sp_Type t_datetime = {
    .h = SP_STATIC_HDR(&t_meta), .name = "datetime.datetime", .base = &t_date,
    .methods = dt_methods, .getsets = time_getsets, .traverse = dt_traverse, .new_ = datetime_new, .repr = datetime_repr,
    .str = datetime_str, .hash = datetime_hash, .richcmp = datetime_richcmp, .binop = delta_binop,
    .format = dt_format_slot,
};

/* ------------------------------------------------------------ tzinfo, timezone */

/* Arguments are ignored, as by CPython's PyType_GenericNew. */
static sp_Value tzinfo_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args, (void)nargs, (void)kw;
    sp_Obj *o = sp_newobj(vm, t, sizeof(sp_Obj));
    return o ? sp_objv(o) : SP_ERRV;
}

#define TZ_ABSTRACT(fn, name)                                                                        \
    static sp_Value fn(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {                         \
        (void)args, (void)nargs, (void)kw;                                                           \
        return sp_raise(vm, &sp_t_NotImplementedError, "a tzinfo subclass must implement " name "()"); \
    }
TZ_ABSTRACT(m_tzinfo_utcoffset, "utcoffset")
TZ_ABSTRACT(m_tzinfo_dst, "dst")
TZ_ABSTRACT(m_tzinfo_tzname, "tzname")

/* tz.dst(dt) for fromutc: a timedelta in *us, ValueError for None. */
static bool fromutc_query(sp_VM *vm, sp_Value tz, const char *meth, sp_Value dt, const char *msg,
                          int64_t *us) {
    sp_Value r = tz_call(vm, tz, meth, dt);
    if (sp_iserr(r)) return false;
    if (sp_isnone(r)) return sp_raise(vm, &sp_t_ValueError, "%s", msg), false;
    *us = delta_us(DL(r));
    return true;
}

/* tzinfo.fromutc(dt): CPython's default, from utcoffset() and dst(). */
static sp_Value m_tzinfo_fromutc(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_onearg(vm, "fromutc", nargs - 1, kw)) return SP_ERRV;
    sp_Value tz = args[0], dt = args[1];
    if (!IS_DT(dt)) return sp_raise(vm, &sp_t_TypeError, "fromutc: argument must be a datetime");
    if (!sp_is(DTP(dt)->tz, tz)) return sp_raise(vm, &sp_t_ValueError, "fromutc: dt.tzinfo is not self");
    int64_t off, dst;
    if (!fromutc_query(vm, tz, "utcoffset", dt, "fromutc: non-None utcoffset() result required", &off) ||
        !fromutc_query(vm, tz, "dst", dt, "fromutc: non-None dst() result required", &dst))
        return SP_ERRV;
    sp_Value r = dt_from_local_us(vm, sp_typeof(dt), dt_local_us(DTP(dt)) + off - dst, tz);
    if (!need_dt(vm, r) || !sp_pin(vm, r)) return SP_ERRV;
    bool ok = fromutc_query(vm, tz, "dst", r, "fromutc: tz.dst() gave inconsistent results; cannot convert", &dst);
    sp_unpin(vm, 1);
    if (!ok) return SP_ERRV;
    return dst ? dt_from_local_us(vm, sp_typeof(r), dt_local_us(DTP(r)) + dst, tz) : r;
}

static const sp_MethodDef tzinfo_methods[] = {
    {"utcoffset", m_tzinfo_utcoffset, 0}, {"dst", m_tzinfo_dst, 0}, {"tzname", m_tzinfo_tzname, 0},
    {"fromutc", m_tzinfo_fromutc, 0},     {NULL, NULL, 0},
};

static sp_Type t_tzinfo = {
    .h = SP_STATIC_HDR(&t_meta), .name = "datetime.tzinfo", .base = &sp_t_object,
    .methods = tzinfo_methods, .new_ = tzinfo_new,
};

static sp_Value timezone_ctor(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    sp_Value a[2];
    if (!sp_parse_args(vm, "timezone", args, nargs, kw, "offset|name", a)) return SP_ERRV;
    if (!IS_DELTA(a[0]))
        return sp_raise(vm, &sp_t_TypeError, "timezone() argument 1 must be datetime.timedelta, not %T", a[0]);
    if (!sp_isnull(a[1]) && !sp_isstr(a[1]))
        return sp_raise(vm, &sp_t_TypeError, "timezone() argument 2 must be str, not %T", a[1]);
    return new_timezone(vm, a[0], a[1]);
}

static sp_Value tz_default_name(sp_VM *vm, TZ *t) {
    Delta *o = DL(t->offset);
    if (!o->days && !o->secs && !o->us) return sp_str_cstr(vm, "UTC");
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_adds(&b, "UTC") || !fmt_offset(&b, delta_us(o), ":")) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static sp_Value timezone_str(sp_VM *vm, sp_Value self) {
    TZ *t = TZP(self);
    return sp_isnull(t->name) ? tz_default_name(vm, t) : t->name;
}

static sp_Value timezone_repr(sp_VM *vm, sp_Value self) {
    TZ *t = TZP(self);
    if (SP_O(self) == &tz_utc.h) return sp_str_cstr(vm, "datetime.timezone.utc");
    if (sp_isnull(t->name)) return sp_fmt(vm, "datetime.timezone(%R)", t->offset);
    return sp_fmt(vm, "datetime.timezone(%R, %R)", t->offset, t->name);
}

static bool timezone_hash(sp_VM *vm, sp_Value self, int64_t *out) { return delta_hash(vm, TZP(self)->offset, out); }

static sp_Value timezone_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if (!sp_istype(a, &t_timezone) || !sp_istype(b, &t_timezone) || (op != SP_EQ && op != SP_NE)) return SP_NOTIMPL;
    int c = delta_cmp(DL(TZP(a)->offset), DL(TZP(b)->offset));
    return sp_bool((c == 0) == (op == SP_EQ));
}

static bool tz_arg_ok(sp_VM *vm, const char *meth, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_onearg(vm, meth, nargs - 1, kw)) return false;
    if (sp_isnone(args[1]) || IS_DT(args[1])) return true;
    sp_raise(vm, &sp_t_TypeError, "%s(dt) argument must be a datetime instance or None, not %T", meth, args[1]);
    return false;
}

static sp_Value m_tz_utcoffset(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return tz_arg_ok(vm, "utcoffset", args, nargs, kw) ? TZP(args[0])->offset : SP_ERRV;
}
static sp_Value m_tz_dst(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return tz_arg_ok(vm, "dst", args, nargs, kw) ? SP_NONEV : SP_ERRV;
}
static sp_Value m_tz_tzname(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return tz_arg_ok(vm, "tzname", args, nargs, kw) ? timezone_str(vm, args[0]) : SP_ERRV;
}
static sp_Value m_tz_fromutc(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_onearg(vm, "fromutc", nargs - 1, kw)) return SP_ERRV;
    if (!IS_DT(args[1])) return sp_raise(vm, &sp_t_TypeError, "fromutc: argument must be a datetime");
    if (!sp_is(DTP(args[1])->tz, args[0])) return sp_raise(vm, &sp_t_ValueError, "fromutc: dt.tzinfo is not self");
    return dt_from_local_us(vm, sp_typeof(args[1]), dt_local_us(DTP(args[1])) + delta_us(DL(TZP(args[0])->offset)), args[0]);
}

static const sp_MethodDef timezone_methods[] = {
    {"utcoffset", m_tz_utcoffset, 0}, {"dst", m_tz_dst, 0}, {"tzname", m_tz_tzname, 0},
    {"fromutc", m_tz_fromutc, 0},     {NULL, NULL, 0},
};

static void timezone_traverse(sp_VM *vm, sp_Obj *o) {
    sp_gc_markv(vm, ((TZ *)o)->offset);
    sp_gc_markv(vm, ((TZ *)o)->name);
}

static sp_Type t_timezone = {
    .h = SP_STATIC_HDR(&t_meta), .name = "datetime.timezone", .base = &t_tzinfo,
    .methods = timezone_methods, .traverse = timezone_traverse, .new_ = timezone_ctor,
    .repr = timezone_repr, .str = timezone_str, .hash = timezone_hash, .richcmp = timezone_richcmp,
};

static void dt_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((DT *)o)->tz); }

/* ------------------------------------------------------------ IsoCalendarDate */

static const char *const isocal_fields[] = {"year", "week", "weekday"};

static sp_Value isocal_repr(sp_VM *vm, sp_Value self) {
    sp_Tuple *t = SP_TUPLE(self);
    return sp_fmt(vm, "datetime.IsoCalendarDate(year=%R, week=%R, weekday=%R)", t->items[0], t->items[1], t->items[2]);
}

static sp_Value isocal_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    for (int i = 0; i < 3; i++)
        if (sp_str_eqc(name, isocal_fields[i])) return SP_TUPLE(self)->items[i];
    return sp_generic_getattr(vm, self, name);
}

static void isocal_traverse(sp_VM *vm, sp_Obj *o) { sp_t_tuple.traverse(vm, o); }
static bool isocal_hash(sp_VM *vm, sp_Value s, int64_t *out) { return sp_t_tuple.hash(vm, s, out); }
static sp_Value isocal_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) { return sp_t_tuple.richcmp(vm, a, b, op); }
static int64_t isocal_len(sp_VM *vm, sp_Value s) { return sp_t_tuple.len(vm, s); }
static sp_Value isocal_iter(sp_VM *vm, sp_Value s) { return sp_t_tuple.iter(vm, s); }
static sp_Value isocal_getitem(sp_VM *vm, sp_Value s, sp_Value k) { return sp_t_tuple.getitem(vm, s, k); }
static int isocal_contains(sp_VM *vm, sp_Value s, sp_Value x) { return sp_t_tuple.contains(vm, s, x); }
static sp_Value isocal_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) { return sp_t_tuple.binop(vm, op, a, b); }

static sp_Type t_isocal = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "datetime.IsoCalendarDate", .base = &sp_t_tuple,
    .traverse = isocal_traverse, .repr = isocal_repr, .hash = isocal_hash, .richcmp = isocal_richcmp,
    .len = isocal_len, .iter = isocal_iter, .getitem = isocal_getitem, .contains = isocal_contains,
    .binop = isocal_binop, .getattr = isocal_getattr,
};

/* time.struct_time: a tuple of 9 with tm_* names (tm_zone and tm_gmtoff
 * are None, as for the struct_time datetime builds). */
static const char *const stime_fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                           "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};

static sp_Value stime_repr(sp_VM *vm, sp_Value self) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_adds(&b, "time.struct_time(");
    for (int i = 0; ok && i < 9; i++)
        ok = sp_buf_addf(&b, "%s%s=%lld", i ? ", " : "", stime_fields[i], (long long)SP_TUPLE(self)->items[i].u.i);
    if (!ok || !sp_buf_addc(&b, ')')) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static sp_Value stime_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    for (int i = 0; i < 9; i++)
        if (sp_str_eqc(name, stime_fields[i])) return SP_TUPLE(self)->items[i];
    if (sp_str_eqc(name, "tm_zone") || sp_str_eqc(name, "tm_gmtoff")) return SP_NONEV;
    return sp_generic_getattr(vm, self, name);
}

static sp_Type t_structtime = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "time.struct_time", .base = &sp_t_tuple,
    .traverse = isocal_traverse, .repr = stime_repr, .hash = isocal_hash, .richcmp = isocal_richcmp,
    .len = isocal_len, .iter = isocal_iter, .getitem = isocal_getitem, .contains = isocal_contains,
    .binop = isocal_binop, .getattr = stime_getattr,
};

/* ------------------------------------------------------------ metatype: class constants */

static sp_Value class_constant(sp_Type *t, sp_Str *name) {
    bool mn = sp_str_eqc(name, "min"), mx = sp_str_eqc(name, "max"), res = sp_str_eqc(name, "resolution");
    if (!mn && !mx && !res && !sp_str_eqc(name, "utc")) return SP_NULLV;
    if (t->flags & SP_TF_HEAPTYPE) t = dt_kind(t); /* D.min is date.min, as inherited */
    if (!t) return SP_NULLV;
    if (t == &t_delta) return mn ? sp_objv(&delta_min) : mx ? sp_objv(&delta_max) : res ? sp_objv(&delta_1us) : SP_NULLV;
    if (t == &t_date) return mn ? sp_objv(&date_min) : mx ? sp_objv(&date_max) : res ? sp_objv(&delta_day) : SP_NULLV;
    if (t == &t_time) return mn ? sp_objv(&time_min) : mx ? sp_objv(&time_max) : res ? sp_objv(&delta_1us) : SP_NULLV;
    if (t == &t_datetime) return mn ? sp_objv(&dt_min) : mx ? sp_objv(&dt_max) : res ? sp_objv(&delta_1us) : SP_NULLV;
    if (t == &t_timezone) {
        if (sp_str_eqc(name, "utc")) return sp_objv(&tz_utc);
        return mn ? sp_objv(&tz_min) : mx ? sp_objv(&tz_max) : SP_NULLV;
    }
    return SP_NULLV;
}

/* copy.copy(x) of an instance of a class deriving from one of the types:
 * the same fields, no __dict__ yet (what D(*fields) makes by default). */
sp_Value sp_dt_clone(sp_VM *vm, sp_Value x) { return retype(vm, sp_typeof(x), x); }

/* A class's constants it inherits from a type here (sp_class.c asks when
 * nothing else has the name); SP_NULLV if none. */
sp_Value sp_dt_constant(sp_Type *t, sp_Str *name) { return class_constant(t, name); }

/* d.min, td.resolution: the class constants read through an instance. */
static sp_Value inst_constant(sp_VM *vm, sp_Value self, const char *name) {
    sp_Value n = sp_str_intern_cstr(vm, name);
    return sp_iserr(n) ? n : class_constant(dt_kind(sp_typeof(self)), SP_STR(n));
}
static sp_Value g_min(sp_VM *vm, sp_Value s) { return inst_constant(vm, s, "min"); }
static sp_Value g_max(sp_VM *vm, sp_Value s) { return inst_constant(vm, s, "max"); }
static sp_Value g_resolution(sp_VM *vm, sp_Value s) { return inst_constant(vm, s, "resolution"); }

static sp_Value meta_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Value v = class_constant((sp_Type *)SP_O(self), name);
    return sp_isnull(v) ? sp_t_type.getattr(vm, self, name) : v;
}
static sp_Value meta_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    return sp_t_type.call(vm, self, args, nargs, kw);
}

/* Calling the metatype itself is calling `type`: type(x), or a class
 * statement deriving from tzinfo, whose class is a plain `type` as in
 * CPython (so its attributes stay settable). */
static sp_Value meta_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (nargs != 3) return sp_t_type.call(vm, sp_objv(&sp_t_type), args, nargs, kw);
    return sp_class_type_new(vm, &sp_t_type, args[0], args[1], args[2], args + nargs, kw);
}

/* tzinfo has no instance state: a class deriving from it is laid out as
 * one deriving from object (sp_sub_solid). */
bool sp_dt_stateless(sp_Type *b) { return b == &t_tzinfo; }
/* date, time, datetime and timedelta: a class deriving from one keeps its
 * layout, __dict__ pointer at the end (sp_inst_size); timezone is final. */
sp_Type *sp_dt_solid(sp_Type *b) {
    return b == &t_date || b == &t_time || b == &t_datetime || b == &t_delta ? b : NULL;
}
/* tzinfo's __new__ ignores arguments (PyType_GenericNew), so its
 * classes' object.__init__ does too. */
bool sp_dt_args_ok(sp_Type *t) { return sp_issubtype(t, &t_tzinfo); }
static sp_Value meta_repr(sp_VM *vm, sp_Value self) { return sp_t_type.repr(vm, self); }
static bool meta_hash(sp_VM *vm, sp_Value self, int64_t *out) { return sp_t_type.hash(vm, self, out); }
static bool meta_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    (void)v;
    sp_raise(vm, &sp_t_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, ((sp_Type *)SP_O(self))->name);
    return false;
}

static sp_Type t_meta = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "type", .base = &sp_t_type, .call = meta_call, .new_ = meta_new,
    .repr = meta_repr, .hash = meta_hash, .getattr = meta_getattr, .setattr = meta_setattr,
};

/* ------------------------------------------------------------ fromisoformat */

static const char *parse_digits(const char *p, int *out, size_t n) {
    *out = 0;
    for (size_t i = 0; i < n; i++, p++) {
        if (*p < '0' || *p > '9') return NULL;
        *out = *out * 10 + (*p - '0');
    }
    return p;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* CPython's parse_isoformat_date: 0 ok, < 0 malformed. */
static int iso_date(const char *s, size_t len, int *y, int *m, int *d) {
    const char *p = parse_digits(s, y, 4);
    if (!p) return -1;
    bool sep = *p == '-';
    if (sep) p++;
    if (*p == 'W') {
        int w = 0, wd = 1;
        p = parse_digits(p + 1, &w, 2);
        if (!p) return -3;
        if ((size_t)(p - s) < len) {
            if (sep && *p++ != '-') return -2;
            if (!(p = parse_digits(p, &wd, 1))) return -4;
        }
        return iso_to_ymd(*y, w, wd, y, m, d) ? 0 : -5;
    }
    if (!(p = parse_digits(p, m, 2))) return -1;
    if (sep && *p++ != '-') return -2;
    return parse_digits(p, d, 2) ? 0 : -1;
}

static int iso_hms(const char *p, const char *end, int v[4]) {
    v[0] = v[1] = v[2] = v[3] = 0;
    bool sep = true;
    for (int i = 0; i < 3; i++) {
        if (!(p = parse_digits(p, &v[i], 2))) return -3;
        char c = *p++;
        if (i == 0) sep = c == ':';
        if (p >= end) return c != '\0';
        if (sep && c == ':') continue;
        if (c == '.' || c == ',') break;
        if (!sep) p--;
        else return -4;
    }
    size_t left = (size_t)(end - p), n = left >= 6 ? 6 : left;
    if (n == 0 || !(p = parse_digits(p, &v[3], n))) return -3;
    static const int corr[] = {100000, 10000, 1000, 100, 10};
    if (n < 6) v[3] *= corr[n - 1];
    while (is_digit(*p)) p++;
    return *p != '\0';
}

/* parse_isoformat_time: 0 no tz, 1 tz, < 0 malformed. v: h m s us tzsecs tzus */
static int iso_time(const char *s, size_t len, int v[6]) {
    const char *end = s + len, *tzp = s;
    do {
        if (*tzp == 'Z' || *tzp == '+' || *tzp == '-') break;
    } while (++tzp < end);
    int rv = iso_hms(s, tzp, v);
    if (rv < 0) return rv;
    if (tzp == end) return rv == 1 ? -5 : 0;
    v[4] = v[5] = 0;
    if (*tzp == 'Z') return tzp[1] != '\0' ? -5 : 1;
    int sign = *tzp == '-' ? -1 : 1, tv[4];
    rv = iso_hms(tzp + 1, end, tv);
    v[4] = sign * (tv[0] * 3600 + tv[1] * 60 + tv[2]);
    v[5] = sign * tv[3];
    return rv ? -5 : 1;
}

static sp_Value iso_tz(sp_VM *vm, int rv, int secs, int us) {
    if (rv != 1) return SP_NONEV;
    if (!secs && !us) return sp_objv(&tz_utc);
    sp_Value d = mk_delta(vm, 0, secs, us);
    return sp_iserr(d) ? d : new_timezone(vm, d, SP_NULLV);
}

static sp_Value iso_invalid(sp_VM *vm, sp_Value s) {
    return sp_raise(vm, &sp_t_ValueError, "Invalid isoformat string: %R", s);
}

static bool iso_str(sp_VM *vm, sp_Value s) {
    if (sp_isstr(s)) return true;
    sp_raise(vm, &sp_t_TypeError, "fromisoformat: argument must be str");
    return false;
}

static sp_Value parse_iso_date(sp_VM *vm, sp_Type *t, sp_Value s) {
    if (!iso_str(vm, s)) return SP_ERRV;
    sp_Str *str = SP_STR(s);
    int y, m, d;
    if ((str->len != 7 && str->len != 8 && str->len != 10) || iso_date(str->data, str->len, &y, &m, &d) < 0)
        return iso_invalid(vm, s);
    int f[8] = {y, m, d, 0, 0, 0, 0, 0};
    return make_of(vm, t, f, SP_NONEV, 3);
}

static sp_Value parse_iso_time(sp_VM *vm, sp_Type *t, sp_Value s) {
    if (!iso_str(vm, s)) return SP_ERRV;
    const char *p = SP_STR(s)->data;
    size_t len = SP_STR(s)->len;
    if (*p == 'T') p++, len--;
    int v[6];
    int rv = len ? iso_time(p, len, v) : -1;
    if (rv < 0) return iso_invalid(vm, s);
    sp_Value tz = iso_tz(vm, rv, v[4], v[5]);
    int f[8] = {0, 0, 0, v[0], v[1], v[2], v[3], 0};
    return sp_iserr(tz) ? tz : make_of(vm, t, f, tz, 5);
}

/* _find_isoformat_datetime_separator */
static int64_t iso_sep(const char *s, size_t len) {
    if (len == 7) return 7;
    if (len < 7) return -1;
    if (s[4] == '-') {
        if (s[5] != 'W') return 10;
        if (len < 8) return -1;
        if (len > 8 && s[8] == '-') {
            if (len == 9) return -1;
            return len > 10 && is_digit(s[10]) ? 8 : 10;
        }
        return 8;
    }
    if (s[4] == 'W') {
        size_t i = 7;
        while (i < len && is_digit(s[i])) i++;
        if (i < 9) return (int64_t)i;
        return i % 2 == 0 ? 7 : 8;
    }
    return 8;
}

static sp_Value parse_iso_datetime(sp_VM *vm, sp_Type *t, sp_Value s) {
    if (!iso_str(vm, s)) return SP_ERRV;
    const char *p = SP_STR(s)->data;
    size_t len = SP_STR(s)->len;
    int64_t sep = iso_sep(p, len);
    int f[8] = {0}, v[6] = {0, 0, 0, 0, 0, 0}, rv = 0;
    if (sep < 0 || (size_t)sep > len || iso_date(p, (size_t)sep, &f[0], &f[1], &f[2]) < 0) return iso_invalid(vm, s);
    if ((size_t)sep < len) {
        if ((size_t)sep + 1 >= len || (uint8_t)p[sep] >= 0x80) return iso_invalid(vm, s);
        rv = iso_time(p + sep + 1, len - (size_t)sep - 1, v);
        if (rv < 0) return iso_invalid(vm, s);
    }
    f[3] = v[0], f[4] = v[1], f[5] = v[2], f[6] = v[3];
    sp_Value tz = iso_tz(vm, rv, v[4], v[5]);
    return sp_iserr(tz) ? tz : make_of(vm, t, f, tz, 8);
}

/* ------------------------------------------------------------ strptime */

static const char *const lc_days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
static const char *const lc_months[] = {"january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"};

/* _TimeRE entries for the numeric directives (the C locale). */
static const char *num_directive(char c) {
    switch (c) {
    case 'd': return "(?P<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])";
    case 'f': return "(?P<f>[0-9]{1,6})";
    case 'H': return "(?P<H>2[0-3]|[0-1]\\d|\\d)";
    case 'I': return "(?P<I>1[0-2]|0[1-9]|[1-9])";
    case 'G': return "(?P<G>\\d\\d\\d\\d)";
    case 'j': return "(?P<j>36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
    case 'm': return "(?P<m>1[0-2]|0[1-9]|[1-9])";
    case 'M': return "(?P<M>[0-5]\\d|\\d)";
    case 'S': return "(?P<S>6[0-1]|[0-5]\\d|\\d)";
    case 'U': return "(?P<U>5[0-3]|[0-4]\\d|\\d)";
    case 'W': return "(?P<W>5[0-3]|[0-4]\\d|\\d)";
    case 'w': return "(?P<w>[0-6])";
    case 'u': return "(?P<u>[1-7])";
    case 'V': return "(?P<V>5[0-3]|0[1-9]|[1-4]\\d|\\d)";
    case 'y': return "(?P<y>\\d\\d)";
    case 'Y': return "(?P<Y>\\d\\d\\d\\d)";
    case 'z': return "(?P<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z))";
    case 'Z': return "(?P<Z>utc|gmt)";
    case 'p': return "(?P<p>am|pm)";
    case '%': return "%";
    default: return NULL;
    }
}

/* __seqToRE: names sorted by length (longest first, stable), '|'-joined. */
static bool seq_re(sp_Buf *b, char c, const char *const *names, size_t n, size_t abbrev) {
    if (!sp_buf_addf(b, "(?P<%c>", c)) return false;
    bool first = true;
    for (size_t len = 9; len > 0; len--)
        for (size_t i = 0; i < n; i++) {
            size_t l = abbrev ? abbrev : strlen(names[i]);
            if (l != len) continue;
            if ((!first && !sp_buf_addc(b, '|')) || !sp_buf_add(b, names[i], l)) return false;
            first = false;
        }
    return sp_buf_addc(b, ')');
}

static bool strp_pattern(sp_VM *vm, sp_Buf *b, sp_Str *f, sp_Value fmt, int depth);

static bool strp_directive(sp_VM *vm, sp_Buf *b, char c, sp_Value fmt, int depth) {
    static const char *const composite[] = {"c%a %b %d %H:%M:%S %Y", "x%m/%d/%y", "X%H:%M:%S"};
    for (int i = 0; i < 3; i++)
        if (c == composite[i][0] && depth == 0) {
            sp_Value sub = sp_str_cstr(vm, composite[i] + 1);
            return !sp_iserr(sub) && strp_pattern(vm, b, SP_STR(sub), fmt, 1);
        }
    switch (c) {
    case 'a': return seq_re(b, c, lc_days, 7, 3);
    case 'A': return seq_re(b, c, lc_days, 7, 0);
    case 'b': return seq_re(b, c, lc_months, 12, 3);
    case 'B': return seq_re(b, c, lc_months, 12, 0);
    default: break;
    }
    const char *r = num_directive(c);
    if (r) return sp_buf_adds(b, r);
    if (c == '\\') c = '%';
    sp_raise(vm, &sp_t_ValueError, "'%c' is a bad directive in format '%S'", c, fmt);
    return false;
}

/* TimeRE.pattern: escape regex specials, whitespace runs -> \s+, directives. */
static bool strp_pattern(sp_VM *vm, sp_Buf *b, sp_Str *f, sp_Value fmt, int depth) {
    for (size_t i = 0; i < f->len; i++) {
        char c = f->data[i];
        bool ok;
        if (c == '%') {
            if (i + 1 >= f->len) {
                sp_raise(vm, &sp_t_ValueError, "stray %% in format '%S'", fmt);
                return false;
            }
            ok = strp_directive(vm, b, f->data[++i], fmt, depth);
        } else if (strchr(" \t\n\r\v\f", c)) {
            while (i + 1 < f->len && strchr(" \t\n\r\v\f", f->data[i + 1])) i++;
            ok = sp_buf_adds(b, "\\s+");
        } else if (strchr("\\.^$*+?(){}[]|", c)) {
            ok = sp_buf_addc(b, '\\') && sp_buf_addc(b, c);
        } else {
            ok = sp_buf_addc(b, c);
        }
        if (!ok) return false;
    }
    return true;
}

static int name_index(sp_Str *s, const char *const *names, size_t n, size_t abbrev) {
    for (size_t i = 0; i < n; i++) {
        size_t l = abbrev ? abbrev : strlen(names[i]);
        if (s->len != l) continue;
        size_t j = 0;
        while (j < l && (s->data[j] | 0x20) == names[i][j]) j++;
        if (j == l) return (int)i;
    }
    return 0;
}

static int atoi_n(sp_Str *s) {
    int v = 0;
    for (size_t i = 0; i < s->len; i++)
        if (is_digit(s->data[i])) v = v * 10 + (s->data[i] - '0');
    return v;
}

typedef struct StrpRes {
    int year, month, day, hour, minute, second, fraction;
    int iso_year, iso_week, week, week_start, weekday, julian;
    bool has_year, has_iso_year, has_iso_week, has_week, has_weekday, has_julian, has_gmtoff;
    int gmtoff, gmtoff_us;
    sp_Value tzname;
} StrpRes;

static bool strp_field(sp_VM *vm, StrpRes *r, char k, sp_Str *v, sp_Value ampm) {
    switch (k) {
    case 'y': r->year = atoi_n(v), r->year += r->year <= 68 ? 2000 : 1900, r->has_year = true; break;
    case 'Y': r->year = atoi_n(v), r->has_year = true; break;
    case 'G': r->iso_year = atoi_n(v), r->has_iso_year = true; break;
    case 'm': r->month = atoi_n(v); break;
    case 'B': r->month = name_index(v, lc_months, 12, 0) + 1; break;
    case 'b': r->month = name_index(v, lc_months, 12, 3) + 1; break;
    case 'd': r->day = atoi_n(v); break;
    case 'H': r->hour = atoi_n(v); break;
    case 'I': {
        r->hour = atoi_n(v);
        bool pm = sp_isstr(ampm) && (SP_STR(ampm)->data[0] | 0x20) == 'p';
        if (!pm && r->hour == 12) r->hour = 0;
        else if (pm && r->hour != 12) r->hour += 12;
        break;
    }
    case 'M': r->minute = atoi_n(v); break;
    case 'S': r->second = atoi_n(v); break;
    case 'f': {
        r->fraction = atoi_n(v);
        for (size_t i = v->len; i < 6; i++) r->fraction *= 10;
        break;
    }
    case 'A': r->weekday = name_index(v, lc_days, 7, 0), r->has_weekday = true; break;
    case 'a': r->weekday = name_index(v, lc_days, 7, 3), r->has_weekday = true; break;
    case 'w': r->weekday = (atoi_n(v) + 6) % 7, r->has_weekday = true; break;
    case 'u': r->weekday = atoi_n(v) - 1, r->has_weekday = true; break;
    case 'j': r->julian = atoi_n(v), r->has_julian = true; break;
    case 'U': case 'W': r->week = atoi_n(v), r->week_start = k == 'U' ? 6 : 0, r->has_week = true; break;
    case 'V': r->iso_week = atoi_n(v), r->has_iso_week = true; break;
    case 'Z': r->tzname = sp_objv(v); break;
    case 'z': {
        const char *z = v->data;
        r->has_gmtoff = true;
        if (z[0] == 'Z') break;
        char buf[32];
        size_t n = 0;
        for (size_t i = 0; i < v->len && n < sizeof buf - 1; i++) buf[n++] = z[i];
        buf[n] = 0;
        if (n > 3 && buf[3] == ':') {
            memmove(buf + 3, buf + 4, n - 3), n--;
            if (n > 5) {
                if (buf[5] != ':') {
                    sp_raise(vm, &sp_t_ValueError, "Inconsistent use of : in %U", v);
                    return false;
                }
                memmove(buf + 5, buf + 6, n - 5), n--;
            }
        }
        int hh = (buf[1] - '0') * 10 + (buf[2] - '0'), mm = (buf[3] - '0') * 10 + (buf[4] - '0');
        int ss = n >= 7 ? (buf[5] - '0') * 10 + (buf[6] - '0') : 0, us = 0;
        size_t fl = n > 8 ? n - 8 : 0;
        for (size_t i = 0; i < 6; i++) us = us * 10 + (i < fl ? buf[8 + i] - '0' : 0);
        r->gmtoff = hh * 3600 + mm * 60 + ss, r->gmtoff_us = us;
        if (buf[0] == '-') r->gmtoff = -r->gmtoff, r->gmtoff_us = -us;
        break;
    }
    default: break;
    }
    return true;
}

static int64_t julian_from_week(int year, int week, int dow, bool mon_first) {
    int first = weekday_of(year, 1, 1);
    if (!mon_first) first = (first + 1) % 7, dow = (dow + 1) % 7;
    int w0 = (7 - first) % 7;
    if (week == 0) return 1 + dow - first;
    return 1 + w0 + 7 * (week - 1) + dow;
}

/* The date part of _strptime after the fields are read. */
static bool strp_resolve(sp_VM *vm, StrpRes *r) {
    if (!r->has_year && r->has_iso_year) {
        if (!r->has_iso_week || !r->has_weekday)
            return sp_raise(vm, &sp_t_ValueError, "ISO year directive '%%G' must be used with the ISO week directive "
                            "'%%V' and a weekday directive ('%%A', '%%a', '%%w', or '%%u')."), false;
        if (r->has_julian)
            return sp_raise(vm, &sp_t_ValueError, "Day of the year directive '%%j' is not compatible with ISO year "
                            "directive '%%G'. Use '%%Y' instead."), false;
    } else if (!r->has_week && r->has_iso_week) {
        if (!r->has_weekday)
            return sp_raise(vm, &sp_t_ValueError, "ISO week directive '%%V' must be used with the ISO year directive "
                            "'%%G' and a weekday directive ('%%A', '%%a', '%%w', or '%%u')."), false;
        return sp_raise(vm, &sp_t_ValueError, "ISO week directive '%%V' is incompatible with the year directive "
                        "'%%Y'. Use the ISO year '%%G' instead."), false;
    }
    bool leapfix = false;
    if (!r->has_year) {
        leapfix = r->month == 2 && r->day == 29;
        r->year = leapfix ? 1904 : 1900;
    }
    if (!r->has_julian && r->has_weekday) {
        if (r->has_week) {
            r->julian = (int)julian_from_week(r->year, r->week, r->weekday, r->week_start == 0), r->has_julian = true;
        } else if (r->has_iso_year && r->has_iso_week) {
            int corr = weekday_of(r->iso_year, 1, 4) + 1 + 3;
            int64_t ord = r->iso_week * 7 + r->weekday + 1 - corr;
            int iy = r->iso_year;
            if (ord < 1) {
                ord += ymd_to_ord(iy, 1, 1);
                iy--;
                ord -= ymd_to_ord(iy, 1, 1);
            }
            r->year = iy, r->julian = (int)ord, r->has_julian = true;
        }
        if (r->has_julian && r->julian <= 0) r->year--, r->julian += is_leap(r->year) ? 366 : 365;
    }
    if (r->has_julian) {
        if (!check_date(vm, r->year, 1, 1)) return false;
        int64_t ord = r->julian - 1 + ymd_to_ord(r->year, 1, 1);
        if (ord < 1 || ord > MAXORDINAL) return sp_raise(vm, &sp_t_OverflowError, "date value out of range"), false;
        ord_to_ymd(ord, &r->year, &r->month, &r->day);
    } else if (!check_date(vm, r->year, r->month, r->day)) {
        return false;
    }
    if (leapfix) r->year = 1900;
    return true;
}

static sp_Value strp_match(sp_VM *vm, sp_Value pattern, sp_Value s) {
    sp_Value name = sp_str_intern_cstr(vm, "re");
    sp_Value re = sp_iserr(name) ? name : sp_import(vm, SP_STR(name));
    sp_Value comp = sp_iserr(re) ? re : sp_getattrs(vm, re, "compile");
    sp_Value rx = sp_iserr(comp) ? comp : sp_call2(vm, comp, pattern, sp_int(2 /* re.IGNORECASE */));
    sp_Value match = sp_iserr(rx) ? rx : sp_getattrs(vm, rx, "match");
    return sp_iserr(match) ? match : sp_call1(vm, match, s);
}

static sp_Value strp_build(sp_VM *vm, sp_Type *t, StrpRes *r) {
    int f[8] = {r->year, r->month, r->day, r->hour, r->minute, r->second, r->fraction, 0};
    sp_Value tz = SP_NONEV;
    if (r->has_gmtoff) {
        sp_Value d = mk_delta(vm, 0, r->gmtoff, r->gmtoff_us);
        tz = sp_iserr(d) ? d : new_timezone(vm, d, sp_isstr(r->tzname) && SP_STR(r->tzname)->len ? r->tzname : SP_NULLV);
        if (sp_iserr(tz)) return tz;
    }
    return make_of(vm, t, f, tz, sp_isnone(tz) ? 7 : 8); /* _strptime's cls(*args) */
}

static sp_Value strptime_impl(sp_VM *vm, sp_Type *t, sp_Value s, sp_Value fmt) {
    if (!sp_isstr(s) || !sp_isstr(fmt)) {
        sp_Value bad = sp_isstr(s) ? fmt : s;
        return sp_raise(vm, &sp_t_TypeError, "strptime() argument %d must be str, not <class '%s'>", sp_isstr(s) ? 1 : 0,
                        sp_typename(bad));
    }
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!strp_pattern(vm, &b, SP_STR(fmt), fmt, 0)) return sp_buf_free(&b), SP_ERRV;
    sp_Value pat = sp_buf_tostr(&b);
    if (sp_iserr(pat) || !sp_pin(vm, pat)) return SP_ERRV;
    sp_Value m = strp_match(vm, pat, s);
    sp_unpin(vm, 1);
    if (sp_iserr(m)) return m;
    if (sp_isnone(m)) return sp_raise(vm, &sp_t_ValueError, "time data %R does not match format %R", s, fmt);
    if (!sp_pin(vm, m)) return SP_ERRV;
    sp_Value endf = sp_getattrs(vm, m, "end"), gdf = sp_iserr(endf) ? endf : sp_getattrs(vm, m, "groupdict");
    sp_Value end = sp_iserr(gdf) ? gdf : sp_call0(vm, endf);
    sp_Value gd = sp_iserr(end) ? end : sp_call0(vm, gdf);
    sp_unpin(vm, 1);
    if (sp_iserr(gd)) return gd;
    if (end.u.i != (int64_t)SP_STR(s)->clen) {
        size_t off = sp_str_byteoff(vm, SP_STR(s), (size_t)end.u.i);
        return sp_raise(vm, &sp_t_ValueError, "unconverted data remains: %s", SP_STR(s)->data + off);
    }
    StrpRes r;
    memset(&r, 0, sizeof r);
    r.month = r.day = 1;
    r.tzname = SP_NONEV;
    sp_Value ampm = SP_NONEV, k, v;
    sp_Value pk = sp_str_intern_cstr(vm, "p");
    if (sp_iserr(pk)) return pk;
    ampm = sp_dict_gets(SP_DICT(gd), SP_STR(pk));
    if (!sp_pin(vm, gd)) return SP_ERRV;
    bool ok = true;
    for (size_t pos = 0; ok && sp_dict_next(SP_DICT(gd), &pos, &k, &v);)
        if (sp_isstr(v)) ok = strp_field(vm, &r, SP_STR(k)->data[0], SP_STR(v), ampm);
    sp_Value res = ok && strp_resolve(vm, &r) ? strp_build(vm, t, &r) : SP_ERRV;
    sp_unpin(vm, 1);
    return res;
}

/* ------------------------------------------------------------ snapshots */

/* The fields as values: timedelta [days secs us], date [y m d],
 * datetime [y m d h mi s us fold tz], time [h mi s us fold tz]. */
static int dt_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    (void)vm, (void)hint;
    sp_Type *k = dt_kind(o->type); /* a class's instance is saved as its layout's */
    if (k == &t_delta) {
        Delta *d = (Delta *)o;
        return v[0] = sp_int(d->days), v[1] = sp_int(d->secs), v[2] = sp_int(d->us), 3;
    }
    DT *d = (DT *)o;
    int f[8] = {d->year, d->month, d->day, d->hour, d->minute, d->second, d->us, d->fold}, n = 0;
    for (int i = k == &t_time ? 3 : 0; i < (k == &t_date ? 3 : 8); i++) v[n++] = sp_int(f[i]);
    if (k != &t_date) v[n++] = d->tz;
    return n;
}

static sp_Obj *delta_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_delta, sizeof(Delta)); }
static sp_Obj *date_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_date, sizeof(DT)); }
static sp_Obj *time_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_time, sizeof(DT)); }
static sp_Obj *datetime_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_datetime, sizeof(DT)); }
static sp_Obj *tz_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_timezone, sizeof(TZ)); }

/* Every field goes through the constructors' own checks. */
static bool dt_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    int64_t x[8] = {1, 1, 1, 0, 0, 0, 0, 0};
    sp_Type *kd = dt_kind(o->type);
    if (kd == &t_delta) {
        Delta *d = (Delta *)o;
        return n == 3 && sp_snap_int(vm, v[0], -MAX_DELTA_DAYS, MAX_DELTA_DAYS, &d->days) &&
               sp_snap_int(vm, v[1], 0, 86399, &d->secs) && sp_snap_int(vm, v[2], 0, 999999, &d->us);
    }
    int from = kd == &t_time ? 3 : 0, to = kd == &t_date ? 3 : 8, k = 0;
    if (n != to - from + (kd != &t_date)) return sp_raise(vm, &sp_t_ValueError, "bad fields"), false;
    for (int i = from; i < to; i++)
        if (!sp_snap_int(vm, v[k++], -1, 1000000, &x[i])) return false;
    sp_Value tz = kd == &t_date ? SP_NONEV : v[k];
    if (!check_date(vm, (int)x[0], (int)x[1], (int)x[2]) ||
        !check_time(vm, (int)x[3], (int)x[4], (int)x[5], (int)x[6], (int)x[7]) || !check_tz(vm, tz))
        return false;
    int f[8];
    for (int i = 0; i < 8; i++) f[i] = (int)x[i];
    DT *d = (DT *)o;
    d->year = f[0], d->month = f[1], d->day = f[2], d->hour = f[3];
    d->minute = f[4], d->second = f[5], d->us = f[6], d->fold = f[7], d->tz = tz;
    return true;
}

static int tz_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    (void)vm, (void)hint;
    return v[0] = ((TZ *)o)->offset, v[1] = ((TZ *)o)->name, 2;
}

static bool tz_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    if (n != 2 || !IS_DELTA(v[0]) || !(sp_isnull(v[1]) || sp_isstr(v[1])))
        return sp_raise(vm, &sp_t_ValueError, "bad timezone"), false;
    Delta *d = DL(v[0]);
    if (!((d->days == -1 && (d->secs || d->us)) || d->days == 0)) return sp_raise(vm, &sp_t_ValueError, "bad offset"), false;
    ((TZ *)o)->offset = v[0], ((TZ *)o)->name = v[1];
    return true;
}

/* An instance of class t deriving from solid (sp_dt_solid), fields valid
 * until fill: a snapshot's class instance (sp_snap.c). */
sp_Value sp_dt_alloc(sp_VM *vm, sp_Type *t, sp_Type *solid) {
    if (!(t->flags & SP_TF_HEAPTYPE) || dt_kind(t) != solid) return sp_raise(vm, &sp_t_TypeError, "not a class");
    if (solid == &t_delta) return retype(vm, t, sp_objv(&delta_zero));
    return retype(vm, t, sp_objv(solid == &t_date ? &date_min : solid == &t_time ? &time_min : &dt_min));
}

const sp_SnapKind sp_snap_datetime[] = {
    {"datetime.timedelta", &t_delta, false, dt_save, delta_alloc, dt_fill},
    {"datetime.date", &t_date, false, dt_save, date_alloc, dt_fill},
    {"datetime.time", &t_time, false, dt_save, time_alloc, dt_fill},
    {"datetime.datetime", &t_datetime, false, dt_save, datetime_alloc, dt_fill},
    {"datetime.timezone", &t_timezone, false, tz_save, tz_alloc, tz_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

/* ------------------------------------------------------------ module */

bool sp_datetime_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add(vm, m, "MINYEAR", sp_int(1)) && sp_module_add(vm, m, "MAXYEAR", sp_int(9999)) &&
           sp_module_add(vm, m, "date", sp_objv(&t_date)) && sp_module_add(vm, m, "time", sp_objv(&t_time)) &&
           sp_module_add(vm, m, "datetime", sp_objv(&t_datetime)) &&
           sp_module_add(vm, m, "timedelta", sp_objv(&t_delta)) &&
           sp_module_add(vm, m, "tzinfo", sp_objv(&t_tzinfo)) &&
           sp_module_add(vm, m, "timezone", sp_objv(&t_timezone)) &&
           sp_module_add(vm, m, "UTC", sp_objv(&tz_utc));
}

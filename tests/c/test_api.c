/* test_api.c - the embedding API: values, compile/run, errors, external
 * functions, pausing and the REPL. */
#include "sandpy.h"
#include "harness.h"

#include <stdlib.h>

static char out[4096];
static size_t outn;

static void capture(void *ud, int stream, const char *s, size_t n) {
    (void)ud, (void)stream;
    if (outn + n < sizeof out) memcpy(out + outn, s, n), outn += n, out[outn] = 0;
}

static sandpy *mk(void) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.write = capture;
    c.max_duration = 5;
    outn = 0, out[0] = 0;
    return sandpy_new(&c);
}

/* Run src in the REPL; the result as JSON, or "!Type: message". */
static const char *feed(sandpy *sp, const char *src) {
    static char buf[512];
    sandpy_status st = sandpy_feed(sp, src, strlen(src));
    if (st == SANDPY_PAUSED) return "!paused";
    if (st != SANDPY_OK) {
        snprintf(buf, sizeof buf, "!%s: %s", sandpy_error_type(sp), sandpy_error_message(sp));
        return buf;
    }
    const char *j = sandpy_result_json(sp, NULL);
    return j ? j : "!unserializable";
}

static const char *result(sandpy *sp, sandpy_status st) {
    static char buf[512];
    if (st == SANDPY_PAUSED) return "!paused";
    if (st != SANDPY_OK) {
        snprintf(buf, sizeof buf, "!%s: %s", sandpy_error_type(sp), sandpy_error_message(sp));
        return buf;
    }
    return sandpy_result_json(sp, NULL);
}

static void test_values(void) {
    sandpy *sp = mk();
    sandpy_value items[3] = {sandpy_int(sp, 7), sandpy_str(sp, "h\xc3\xa9", 3), sandpy_none(sp)};
    sandpy_value l = sandpy_list(sp, items, 3), t = sandpy_tuple(sp, items, 2);
    CHECK(sandpy_kind_of(sp, l) == SANDPY_K_LIST && sandpy_kind_of(sp, t) == SANDPY_K_TUPLE);
    CHECK(sandpy_len(sp, l) == 3);
    int64_t i = 0;
    CHECK(sandpy_as_int(sp, sandpy_item(sp, l, 0), &i) && i == 7);
    size_t n;
    CHECK_STR(sandpy_as_str(sp, items[1], &n), "h\xc3\xa9");
    CHECK(n == 3);
    CHECK(sandpy_str(sp, "\xff", 1) == 0 && !strcmp(sandpy_error_type(sp), "UnicodeError"));
    sandpy_value d = sandpy_dict(sp);
    CHECK(sandpy_dict_sets(sp, d, "a", l) && sandpy_dict_sets(sp, d, "b", sandpy_float(sp, 1.5)));
    CHECK(sandpy_dict_sets(sp, d, "c", sandpy_bytes(sp, "x\0y", 3)));
    CHECK(sandpy_dict_sets(sp, d, "d", sandpy_bool(sp, 1)));
    CHECK_STR(sandpy_repr(sp, d, NULL), "{'a': [7, 'h\xc3\xa9', None], 'b': 1.5, 'c': b'x\\x00y', 'd': True}");
    double f = 0;
    CHECK(sandpy_as_float(sp, sandpy_dict_get(sp, d, "b"), &f) && f == 1.5);
    CHECK(sandpy_dict_get(sp, d, "zz") == 0);
    size_t pos = 0, count = 0;
    sandpy_value k, v;
    while (sandpy_next(sp, d, &pos, &k, &v)) count++;
    CHECK(count == 4);
    sandpy_value big = sandpy_int_text(sp, "-123456789012345678901234567890", 31);
    CHECK(sandpy_kind_of(sp, big) == SANDPY_K_INT);
    CHECK(!sandpy_as_int(sp, big, &i) && !strcmp(sandpy_error_type(sp), "OverflowError"));
    CHECK_STR(sandpy_int_to_text(sp, big, NULL), "-123456789012345678901234567890");
    sandpy_value s = sandpy_set(sp, 0);
    CHECK(sandpy_set_add(sp, s, items[0]) && sandpy_set_add(sp, s, items[0]) && sandpy_len(sp, s) == 1);
    CHECK(sandpy_set_add(sp, s, l) == 0 && !strcmp(sandpy_error_type(sp), "TypeError"));
    sandpy_value j = sandpy_from_json(sp, "{\"x\": [1, 2.5, null, true, \"s\"]}", strlen("{\"x\": [1, 2.5, null, true, \"s\"]}"));
    CHECK_STR(sandpy_to_json(sp, j, NULL), "{\"x\": [1, 2.5, null, true, \"s\"]}");
    CHECK(sandpy_from_json(sp, "{bad", strlen("{bad")) == 0 && sandpy_error_type(sp)[0]);
    /* a run invalidates older handles: detected, not read */
    CHECK_STR(feed(sp, "1"), "1");
    CHECK(sandpy_kind_of(sp, l) == SANDPY_K_INVALID);
    CHECK(sandpy_len(sp, 12345) == -1 && !strcmp(sandpy_error_type(sp), "ValueError"));
    sandpy_value r = sandpy_result(sp);
    sandpy_values_reset(sp);
    CHECK(sandpy_kind_of(sp, r) == SANDPY_K_INVALID);
    sandpy_free(sp);
}

static void test_compile_run(void) {
    sandpy *sp = mk();
    const char *names[] = {"x", "y"};
    sandpy_code *c = sandpy_compile(sp, "z = x * 2\nz + y", strlen("z = x * 2\nz + y"), "prog.py", names, 2);
    CHECK(c != NULL);
    for (int i = 0; i < 5; i++) {
        CHECK(sandpy_input(sp, "x", sandpy_int(sp, i)) == SANDPY_OK);
        CHECK(sandpy_input_json(sp, "y", "100", 3) == SANDPY_OK);
        CHECK(sandpy_start(sp, c) == SANDPY_OK);
        int64_t r = -1;
        CHECK(sandpy_as_int(sp, sandpy_result(sp), &r) && r == i * 2 + 100);
    }
    CHECK(sandpy_input(sp, "x", sandpy_int(sp, 1)) == SANDPY_OK);
    CHECK(sandpy_start(sp, c) == SANDPY_INVALID);
    CHECK_STR(sandpy_error_message(sp), "missing input 'y'");
    /* fresh globals each run: z does not leak from run to run */
    sandpy_code *c2 = sandpy_compile(sp, "try:\n    z\nexcept NameError:\n    r = 1\nr", 40, NULL, NULL, 0);
    CHECK(c2 && sandpy_start(sp, c2) == SANDPY_OK);
    sandpy_code_free(sp, c);
    sandpy_code_free(sp, c2);
    /* syntax errors are error objects */
    CHECK(sandpy_compile(sp, "x = 1\ny = (", strlen("x = 1\ny = ("), "bad.py", NULL, 0) == NULL);
    const sandpy_error *e = sandpy_error_get(sp);
    CHECK_STR(e->type, "SyntaxError");
    CHECK_STR(e->message, "'(' was never closed");
    CHECK(e->line == 2 && e->column == 5);
    CHECK_STR(e->file, "bad.py");
    size_t n;
    const char *names1[] = {"a"};
    const char *json1[] = {"[1, 2, 3]"};
    CHECK_STR(sandpy_run_json(sp, "[v * 10 for v in a]", 19, names1, json1, 1, &n), "[10, 20, 30]");
    sandpy_free(sp);
}

static void test_errors(void) {
    sandpy *sp = mk();
    const char *src = "def inner(x):\n    return 1 // x\n\ndef outer():\n    return inner(0)\n\nouter()\n";
    sandpy_code *c = sandpy_compile(sp, src, strlen(src), "t.py", NULL, 0);
    CHECK(sandpy_start(sp, c) == SANDPY_ERROR);
    const sandpy_error *e = sandpy_error_get(sp);
    CHECK_STR(e->type, "ZeroDivisionError");
    CHECK_STR(e->message, "integer division or modulo by zero");
    CHECK(e->nframes == 3);
    if (e->nframes == 3) {
        CHECK_STR(e->frames[0].function, "<module>");
        CHECK(e->frames[0].line == 7);
        CHECK_STR(e->frames[0].source, "outer()");
        CHECK_STR(e->frames[2].function, "inner");
        CHECK_STR(e->frames[2].source, "return 1 // x");
        CHECK_STR(e->frames[2].file, "t.py");
    }
    CHECK(e->line == 2);
    CHECK(strstr(e->traceback, "Traceback (most recent call last):\n  File \"t.py\", line 7, in <module>") != NULL);
    CHECK_STR(feed(sp, "raise ValueError('bad', 2)"), "!ValueError: ('bad', 2)");
    sandpy_free(sp);
}

/* ------------------------------------------------------------ external functions */

static sandpy_value add(sandpy *sp, void *ud, const sandpy_value *args, size_t nargs, sandpy_value kw) {
    (*(int *)ud)++;
    int64_t a = 0, b = 0, scale = 1;
    if (nargs != 2) return sandpy_raise(sp, "TypeError", "add() takes 2 arguments");
    if (!sandpy_as_int(sp, args[0], &a) || !sandpy_as_int(sp, args[1], &b))
        return sandpy_raise(sp, "TypeError", "ints please");
    sandpy_value s = sandpy_dict_get(sp, kw, "scale");
    if (s) sandpy_as_int(sp, s, &scale);
    return sandpy_int(sp, (a + b) * scale);
}

static void test_sync(void) {
    sandpy *sp = mk();
    int calls = 0;
    CHECK(sandpy_register(sp, "add", add, &calls) == SANDPY_OK);
    CHECK_STR(feed(sp, "add(2, 3)"), "5");
    CHECK_STR(feed(sp, "add(2, 3, scale=10)"), "50");
    CHECK_STR(feed(sp, "[add(i, i) for i in range(4)]"), "[0, 2, 4, 6]");
    CHECK_STR(feed(sp, "sorted([3, 1, 2], key=lambda v: add(0, -v))"), "[3, 2, 1]");
    CHECK_STR(feed(sp, "try:\n    add('a', 1)\nexcept TypeError as e:\n    r = str(e)\nr"), "\"ints please\"");
    CHECK_STR(feed(sp, "add(1)"), "!TypeError: add() takes 2 arguments");
    CHECK_STR(feed(sp, "repr(add)"), "\"<built-in function add>\"");
    CHECK(calls == 11);
    /* fresh-globals runs see registered functions too */
    sandpy_code *c = sandpy_compile(sp, "add(40, 2)", strlen("add(40, 2)"), NULL, NULL, 0);
    CHECK_STR(result(sp, sandpy_start(sp, c)), "42");
    sandpy_free(sp);
}

/* Answer every pending call: fetch(n) -> n * 10, fail(...) -> ValueError. */
static sandpy_status drive(sandpy *sp, sandpy_status st, int *npauses) {
    while (st == SANDPY_PAUSED) {
        const sandpy_call *c = sandpy_pending(sp);
        (*npauses)++;
        if (!strcmp(c->name, "fail")) {
            st = sandpy_resume_error(sp, c->id, "ValueError", "tool failed");
            continue;
        }
        int64_t n = 0;
        if (sandpy_len(sp, c->args) > 0) sandpy_as_int(sp, sandpy_item(sp, c->args, 0), &n);
        st = sandpy_resume(sp, c->id, sandpy_int(sp, n * 10));
    }
    return st;
}

static const char *run_paused(sandpy *sp, const char *src, int *np) {
    *np = 0;
    return result(sp, drive(sp, sandpy_feed(sp, src, strlen(src)), np));
}

static void test_pausing(void) {
    sandpy *sp = mk();
    int np;
    CHECK(sandpy_register_pausing(sp, "fetch") == SANDPY_OK);
    CHECK(sandpy_register_pausing(sp, "fail") == SANDPY_OK);
    /* a pause reports the call */
    CHECK(sandpy_feed(sp, "fetch(1, 'a', k=[2])", strlen("fetch(1, 'a', k=[2])")) == SANDPY_PAUSED);
    const sandpy_call *c = sandpy_pending(sp);
    CHECK(c && c->kind == SANDPY_CALL_FUNCTION);
    CHECK_STR(c->name, "fetch");
    CHECK_STR(sandpy_repr(sp, c->args, NULL), "(1, 'a')");
    CHECK_STR(sandpy_repr(sp, c->kwargs, NULL), "{'k': [2]}");
    uint64_t id = c->id;
    CHECK(sandpy_resume_json(sp, id, "{\"ok\": true}", strlen("{\"ok\": true}")) == SANDPY_OK);
    CHECK_STR(sandpy_result_json(sp, NULL), "{\"ok\": true}");
    /* each id is answered once */
    CHECK(sandpy_resume(sp, id, sandpy_none(sp)) == SANDPY_INVALID);
    CHECK(sandpy_pending(sp) == NULL);
    /* wherever a call can stand */
    CHECK_STR(run_paused(sp, "def f(x):\n    return fetch(x) + 1\nsum(f(i) for i in [1, 2])", &np), "!RuntimeError: external function 'fetch' cannot pause here: it was called from inside a builtin (a key function, map(), a generator consumed by list()...)");
    CHECK_STR(run_paused(sp, "def f(x):\n    return fetch(x) + 1\n[f(i) for i in range(3)]", &np), "[1, 11, 21]");
    CHECK(np == 3);
    CHECK_STR(run_paused(sp, "t = 0\nfor i in range(5):\n    t += fetch(i)\nt", &np), "100");
    CHECK_STR(run_paused(sp, "def g(n):\n    for i in range(n):\n        yield fetch(i)\n[v for v in g(3)]", &np), "[0, 10, 20]");
    CHECK_STR(run_paused(sp, "def g():\n    yield fetch(1)\n    yield fetch(2)\ndef h():\n    yield from g()\nlist_ = []\nfor v in h():\n    list_.append(v)\nlist_", &np), "[10, 20]");
    CHECK_STR(run_paused(sp, "try:\n    fail()\nexcept ValueError as e:\n    r = 'caught ' + str(e)\nr", &np), "\"caught tool failed\"");
    CHECK_STR(run_paused(sp, "try:\n    x = fetch(1)\nfinally:\n    y = fetch(2)\n[x, y]", &np), "[10, 20]");
    CHECK_STR(run_paused(sp, "def f():\n    try:\n        return fetch(3)\n    except Exception:\n        return -1\nf()", &np), "30");
    CHECK_STR(run_paused(sp, "d = {'k': fetch(4)}\nd['k'] + fetch(*[5]) + fetch(**{})", &np), "90");
    CHECK_STR(run_paused(sp, "sorted([2, 1], key=fetch)", &np), "!RuntimeError: external function 'fetch' cannot pause here: it was called from inside a builtin (a key function, map(), a generator consumed by list()...)");
    CHECK_STR(run_paused(sp, "list(map(fetch, [1]))", &np), "!RuntimeError: external function 'fetch' cannot pause here: it was called from inside a builtin (a key function, map(), a generator consumed by list()...)");
    /* an uncaught host exception has a traceback at the call site */
    CHECK_STR(run_paused(sp, "def f():\n    fail()\nf()", &np), "!ValueError: tool failed");
    const sandpy_error *e = sandpy_error_get(sp);
    CHECK(e->nframes == 2 && e->line == 2);
    /* exception context: raised while handling another */
    CHECK_STR(run_paused(sp, "try:\n    1/0\nexcept ZeroDivisionError:\n    try:\n        fail()\n    except ValueError as e:\n        r = type(e.__context__).__name__\nr", &np), "\"ZeroDivisionError\"");
    /* a new run abandons a paused one */
    CHECK(sandpy_feed(sp, "def g():\n    yield fetch(1)\nit = g()\nnext_ = [v for v in it]", strlen("def g():\n    yield fetch(1)\nit = g()\nnext_ = [v for v in it]")) == SANDPY_PAUSED);
    CHECK_STR(feed(sp, "1 + 1"), "2");
    CHECK(sandpy_pending(sp) == NULL);
    /* errors from the host: unknown exception names become RuntimeError */
    CHECK(sandpy_feed(sp, "fetch()", strlen("fetch()")) == SANDPY_PAUSED);
    c = sandpy_pending(sp);
    CHECK(sandpy_resume_error(sp, c->id, "NoSuchError", "x") == SANDPY_ERROR);
    CHECK_STR(sandpy_error_message(sp), "NoSuchError: x");
    sandpy_free(sp);
}

static void test_names(void) {
    sandpy *sp = mk();
    sandpy_pause_on_unknown_names(sp, 1);
    CHECK(sandpy_feed(sp, "def f():\n    return config['a'] + config['b']\nf()", strlen("def f():\n    return config['a'] + config['b']\nf()")) == SANDPY_PAUSED);
    const sandpy_call *c = sandpy_pending(sp);
    CHECK(c && c->kind == SANDPY_CALL_NAME);
    CHECK_STR(c->name, "config");
    CHECK(sandpy_resume_json(sp, c->id, "{\"a\": 1, \"b\": 2}", strlen("{\"a\": 1, \"b\": 2}")) == SANDPY_OK);
    CHECK_STR(sandpy_result_json(sp, NULL), "3");
    CHECK_STR(feed(sp, "config"), "{\"a\": 1, \"b\": 2}"); /* bound once supplied */
    CHECK(sandpy_feed(sp, "missing + 1", strlen("missing + 1")) == SANDPY_PAUSED);
    c = sandpy_pending(sp);
    CHECK(sandpy_resume_error(sp, c->id, NULL, NULL) == SANDPY_ERROR);
    CHECK_STR(sandpy_error_type(sp), "NameError");
    CHECK_STR(sandpy_error_message(sp), "name 'missing' is not defined");
    sandpy_pause_on_unknown_names(sp, 0);
    CHECK_STR(feed(sp, "missing"), "!NameError: name 'missing' is not defined");
    sandpy_free(sp);
}

static void test_futures(void) {
    sandpy *sp = mk();
    sandpy_register_pausing(sp, "fetch");
    CHECK(sandpy_feed(sp, "a = fetch(1)\nb = fetch(2)\n[repr(a), repr(b)]", strlen("a = fetch(1)\nb = fetch(2)\n[repr(a), repr(b)]")) == SANDPY_PAUSED);
    uint64_t id1 = sandpy_pending(sp)->id;
    CHECK(sandpy_resume_future(sp, id1) == SANDPY_PAUSED);
    uint64_t id2 = sandpy_pending(sp)->id;
    CHECK(id2 != id1);
    CHECK(sandpy_resume_future(sp, id2) == SANDPY_OK);
    char want[128];
    snprintf(want, sizeof want, "[\"<ExternalFuture id=%llu pending>\", \"<ExternalFuture id=%llu pending>\"]",
             (unsigned long long)id1, (unsigned long long)id2);
    CHECK_STR(sandpy_result_json(sp, NULL), want);
    CHECK(sandpy_settle(sp, id1, sandpy_int(sp, 5)) == SANDPY_OK);
    CHECK(sandpy_settle(sp, id1, sandpy_int(sp, 5)) == SANDPY_INVALID);
    CHECK(sandpy_settle_error(sp, id2, "KeyError", "k") == SANDPY_OK);
    CHECK_STR(feed(sp, "repr(a)"), "\"<ExternalFuture id=1 finished>\"");
    sandpy_free(sp);
}

static void test_repl(void) {
    sandpy *sp = mk();
    CHECK_STR(feed(sp, "import json\ndef sq(x):\n    return x * x\nn = 3"), "null");
    CHECK_STR(feed(sp, "sq(n) + 1"), "10");
    CHECK_STR(feed(sp, "json.dumps([sq(2)])"), "\"[4]\"");
    CHECK_STR(feed(sp, "print('hi', n)"), "null");
    CHECK_STR(out, "hi 3\n");
    CHECK_STR(feed(sp, "n +"), "!SyntaxError: invalid syntax");
    CHECK_STR(feed(sp, "n"), "3");
    CHECK(sandpy_set_input_json(sp, "inp", "[1]", 3) == SANDPY_OK);
    CHECK_STR(feed(sp, "inp + [n]"), "[1, 3]");
    sandpy_free(sp);
}

static void test_limits(void) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.max_instructions = 100000;
    sandpy *sp = sandpy_new(&c);
    CHECK_STR(feed(sp, "while True:\n    pass"), "!TimeoutError: instruction limit exceeded");
    CHECK_STR(feed(sp, "sum(range(100))"), "4950"); /* the next run gets a fresh budget */
    sandpy_free(sp);
    memset(&c, 0, sizeof c);
    c.max_memory = 1 << 20;
    sp = sandpy_new(&c);
    CHECK_STR(feed(sp, "x = 'a' * (1 << 21)"), "!MemoryError: ");
    CHECK_STR(feed(sp, "len('a' * 1000)"), "1000");
    sandpy_free(sp);
}

/* The host's seed hook: called for every unseeded generator. */
static uint64_t counting_seed(void *ud) {
    uint64_t *n = ud;
    return (*n)++;
}

static void test_random_seed(void) {
    sandpy *sp = mk(); /* no hook: the fixed seed 0 */
    CHECK_STR(feed(sp, "import random\nrandom.random()"), "0.8444218515250481");
    CHECK_STR(feed(sp, "random.Random().random() == random.Random(0).random()"), "true");
    sandpy_free(sp);
    sandpy_config c;
    memset(&c, 0, sizeof c);
    uint64_t next = 42;
    c.random_seed = counting_seed;
    c.random_seed_ud = &next;
    sp = sandpy_new(&c);
    CHECK_STR(feed(sp, "import random\nrandom.random()"), "0.6394267984578837"); /* seed(42) */
    CHECK_STR(feed(sp, "random.Random().random() == random.Random(43).random()"), "true");
    CHECK_STR(feed(sp, "random.seed(); random.random() == random.Random(44).random()"), "true");
    CHECK_STR(feed(sp, "random.seed(7); random.random()"), "0.32383276483316237");
    CHECK(next == 45);
    sandpy_free(sp);
}

static sandpy_value reenter(sandpy *sp, void *ud, const sandpy_value *a, size_t n, sandpy_value kw) {
    (void)ud, (void)a, (void)n, (void)kw;
    if (sandpy_feed(sp, "1", strlen("1")) != SANDPY_INVALID) return sandpy_none(sp);
    return sandpy_str(sp, sandpy_error_message(sp), strlen(sandpy_error_message(sp)));
}

static void test_misuse(void) {
    sandpy *sp = mk();
    sandpy_register(sp, "reenter", reenter, NULL);
    CHECK_STR(feed(sp, "reenter()"), "\"sandpy: cannot run code from inside a host callback\"");
    CHECK(sandpy_resume(sp, 99, 0) == SANDPY_INVALID);
    CHECK(sandpy_start(sp, NULL) == SANDPY_INVALID);
    CHECK(sandpy_register(sp, "", add, NULL) == SANDPY_INVALID);
    sandpy_free(sp);
}

int main(void) {
    test_values();
    test_compile_run();
    test_errors();
    test_sync();
    test_pausing();
    test_names();
    test_futures();
    test_repl();
    test_limits();
    test_random_seed();
    test_misuse();
    return t_report();
}

/* test_inline.c - comprehensions inlined into module code (CPython 3.12's
 * PEP 709, sp_code.h) keep CPython 3.11's observables: the "<listcomp>"
 * traceback entries (texts: CPython 3.11's, without the caret lines sandpy
 * does not print), the API's frames and the recursion depth a
 * comprehension takes.  (Pauses inside one: test_snap.c.) */
#include "sandpy.h"
#include "harness.h"

static const char *const TB[][2] = {
    {
        "def g(n):\n"
        "    return 1 // n\n"
        "data = [2, 1, 0]\n"
        "y = [\n"
        "    g(w)\n"
        "    for w in data\n"
        "]\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 4, in <module>\n"
        "    y = [\n"
        "  File \"t.py\", line 5, in <listcomp>\n"
        "    g(w)\n"
        "  File \"t.py\", line 2, in g\n"
        "    return 1 // n\n"
        "ZeroDivisionError: integer division or modulo by zero\n"},
    {
        "x = 1\n"
        "d = {k: 1 // k\n"
        "     for k in range(3)}\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 2, in <module>\n"
        "    d = {k: 1 // k\n"
        "  File \"t.py\", line 2, in <dictcomp>\n"
        "    d = {k: 1 // k\n"
        "ZeroDivisionError: integer division or modulo by zero\n"},
    {
        "try:\n"
        "    s = {1 // (x - 1) for x in range(3)}\n"
        "except ZeroDivisionError:\n"
        "    raise\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 2, in <module>\n"
        "    s = {1 // (x - 1) for x in range(3)}\n"
        "  File \"t.py\", line 2, in <setcomp>\n"
        "    s = {1 // (x - 1) for x in range(3)}\n"
        "ZeroDivisionError: integer division or modulo by zero\n"},
    {
        "print([x for x in range(2) for y in 1])\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 1, in <module>\n"
        "    print([x for x in range(2) for y in 1])\n"
        "  File \"t.py\", line 1, in <listcomp>\n"
        "    print([x for x in range(2) for y in 1])\n"
        "TypeError: 'int' object is not iterable\n"},
    {
        "print([x for x in 5])\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 1, in <module>\n"
        "    print([x for x in 5])\n"
        "TypeError: 'int' object is not iterable\n"},
    {
        "def inner(rows):\n"
        "    return [1 // r for r in rows]\n"
        "out = [inner(rs) for rs in ([1], [0])]\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 3, in <module>\n"
        "    out = [inner(rs) for rs in ([1], [0])]\n"
        "  File \"t.py\", line 3, in <listcomp>\n"
        "    out = [inner(rs) for rs in ([1], [0])]\n"
        "  File \"t.py\", line 2, in inner\n"
        "    return [1 // r for r in rows]\n"
        "  File \"t.py\", line 2, in <listcomp>\n"
        "    return [1 // r for r in rows]\n"
        "ZeroDivisionError: integer division or modulo by zero\n"},
    {
        "def conv(s):\n"
        "    try:\n"
        "        return int(s)\n"
        "    except ValueError as e:\n"
        "        raise KeyError(s) from e\n"
        "vals = {conv(s) for s in [\"1\", \"x\"]}\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 3, in conv\n"
        "    return int(s)\n"
        "ValueError: invalid literal for int() with base 10: 'x'\n"
        "\n"
        "The above exception was the direct cause of the following exception:\n"
        "\n"
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 6, in <module>\n"
        "    vals = {conv(s) for s in [\"1\", \"x\"]}\n"
        "  File \"t.py\", line 6, in <setcomp>\n"
        "    vals = {conv(s) for s in [\"1\", \"x\"]}\n"
        "  File \"t.py\", line 5, in conv\n"
        "    raise KeyError(s) from e\n"
        "KeyError: 'x'\n"},
    {
        "def gen():\n"
        "    yield 1\n"
        "    raise RuntimeError(\"gen\")\n"
        "r = [x\n"
        "     for x in range(1)\n"
        "     for y in gen()]\n",
        "Traceback (most recent call last):\n"
        "  File \"t.py\", line 4, in <module>\n"
        "    r = [x\n"
        "  File \"t.py\", line 4, in <listcomp>\n"
        "    r = [x\n"
        "  File \"t.py\", line 3, in gen\n"
        "    raise RuntimeError(\"gen\")\n"
        "RuntimeError: gen\n"},

};

static sandpy *run(const char *src, int max_recursion, sandpy_status *st) {
    sandpy_config cfg = {0};
    cfg.max_recursion = max_recursion;
    sandpy *sp = sandpy_new(&cfg);
    sandpy_code *c = sandpy_compile(sp, src, strlen(src), "t.py", NULL, 0);
    *st = c ? sandpy_start(sp, c) : SANDPY_ERROR;
    return sp;
}

static void test_tracebacks(void) {
    for (size_t i = 0; i < sizeof TB / sizeof TB[0]; i++) {
        sandpy_status st;
        sandpy *sp = run(TB[i][0], 0, &st);
        CHECK(st == SANDPY_ERROR);
        CHECK_STR(sandpy_error_traceback(sp), TB[i][1]);
        sandpy_free(sp);
    }
}

/* The API's frames name the comprehension too. */
static void test_frames(void) {
    sandpy_status st;
    sandpy *sp = run(TB[0][0], 0, &st);
    const sandpy_error *e = sandpy_error_get(sp);
    CHECK(e->nframes == 3);
    if (e->nframes == 3) {
        CHECK_STR(e->frames[0].function, "<module>");
        CHECK(e->frames[0].line == 4);
        CHECK_STR(e->frames[1].function, "<listcomp>");
        CHECK(e->frames[1].line == 5);
        CHECK_STR(e->frames[1].source, "g(w)");
        CHECK_STR(e->frames[2].function, "g");
    }
    sandpy_free(sp);
}

/* Entering a comprehension is a call: RecursionError where 3.11's would be. */
static void test_depth(void) {
    sandpy_status st;
    sandpy *sp = run("y = [0 for _ in 'a']\n", 1, &st);
    CHECK(st == SANDPY_ERROR);
    CHECK_STR(sandpy_error_traceback(sp), "Traceback (most recent call last):\n"
                                          "  File \"t.py\", line 1, in <module>\n"
                                          "    y = [0 for _ in 'a']\n"
                                          "RecursionError: maximum recursion depth exceeded\n");
    sandpy_free(sp);
    sp = run("def f(): return 1\ny = [0 for _ in 'a']\ny = [f() for _ in 'a']\n", 2, &st);
    CHECK(st == SANDPY_ERROR);
    CHECK(strstr(sandpy_error_traceback(sp), "line 3, in <listcomp>\n") != NULL);
    sandpy_free(sp);
    sp = run("def f(): return 1\ny = [f() for _ in 'a']\n", 3, &st);
    CHECK(st == SANDPY_OK);
    sandpy_free(sp);
}

int main(void) {
    test_tracebacks();
    test_frames();
    test_depth();
    return t_report();
}

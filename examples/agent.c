/* agent.c - an agent-style loop: model-written code calls two host tools
 * through pausing functions; the host answers each call, and can stop at
 * any pause, save the state to a file and let another process finish.
 *
 *   agent run              answer every call in this process
 *   agent start FILE       answer the first call, then save the paused run
 *   agent finish FILE      load the paused run and answer the rest */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sandpy.h"

static const char *CODE =
    "hits = search('sandbox interpreters', limit=3)\n"
    "pages = []\n"
    "for h in hits:\n"
    "    try:\n"
    "        pages.append({'url': h, 'words': len(fetch(h).split())})\n"
    "    except TimeoutError as e:\n"
    "        pages.append({'url': h, 'error': str(e)})\n"
    "print('fetched', len(pages), 'pages')\n"
    "{'best': max((p for p in pages if 'words' in p), key=lambda p: p['words'])['url'],\n"
    " 'pages': pages}\n";

static void out(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    fwrite(s, 1, n, stream == 2 ? stderr : stdout);
}

static sandpy *make(void) {
    sandpy_config cfg = {0};
    cfg.max_memory = 32 << 20;
    cfg.max_duration = 5;
    cfg.write = out;
    sandpy *sp = sandpy_new(&cfg);
    sandpy_register_pausing(sp, "search");
    sandpy_register_pausing(sp, "fetch");
    return sp;
}

/* The host side of one tool call (a real agent would do I/O here). */
static sandpy_status answer(sandpy *sp) {
    const sandpy_call *c = sandpy_pending(sp);
    static const char *hits = "[\"a.org\", \"b.org\", \"c.org\"]";
    if (!strcmp(c->name, "search")) return sandpy_resume_json(sp, c->id, hits, strlen(hits));
    const char *url = sandpy_as_str(sp, sandpy_item(sp, c->args, 0), NULL);
    if (url && !strcmp(url, "b.org")) return sandpy_resume_error(sp, c->id, "TimeoutError", "b.org is down");
    const char *text = url && !strcmp(url, "a.org") ? "one two three four" : "five six";
    return sandpy_resume(sp, c->id, sandpy_str(sp, text, strlen(text)));
}

static int report(sandpy *sp, sandpy_status st) {
    while (st == SANDPY_PAUSED) st = answer(sp);
    if (st != SANDPY_OK) return fprintf(stderr, "%s", sandpy_error_traceback(sp)), 1;
    printf("%s\n", sandpy_result_json(sp, NULL));
    return 0;
}

static int save(sandpy *sp, const char *path) {
    size_t n;
    const uint8_t *bytes = sandpy_snapshot(sp, &n);
    FILE *f = bytes ? fopen(path, "wb") : NULL;
    if (!f || fwrite(bytes, 1, n, f) != n) return fprintf(stderr, "cannot save: %s\n", sandpy_error_message(sp)), 1;
    fclose(f);
    return 0;
}

static int finish(sandpy *sp, const char *path) {
    static uint8_t buf[1 << 20];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    sandpy_status st = sandpy_snapshot_load(sp, buf, n);
    if (st == SANDPY_INVALID) return fprintf(stderr, "cannot load: %s\n", sandpy_error_message(sp)), 1;
    return report(sp, st);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "run";
    sandpy *sp = make();
    int rc;
    if (!strcmp(mode, "finish") && argc > 2) {
        rc = finish(sp, argv[2]);
    } else if (!strcmp(mode, "start") && argc > 2) {
        sandpy_status st = sandpy_exec(sp, CODE, strlen(CODE), "agent.py");
        if (st == SANDPY_PAUSED) st = answer(sp); /* the first call here, the rest later */
        rc = st == SANDPY_PAUSED ? save(sp, argv[2]) : report(sp, st);
    } else {
        rc = report(sp, sandpy_exec(sp, CODE, strlen(CODE), "agent.py"));
    }
    sandpy_free(sp);
    return rc;
}

/* minimal.c - embed sandpy: JSON in, run untrusted code, JSON out. */
#include <stdio.h>
#include <string.h>
#include "sandpy.h"

int main(void) {
    sandpy_config cfg = {0};
    cfg.max_memory = 64 << 20;    /* 64 MiB of heap */
    cfg.max_duration = 1.0;       /* one second of running */
    sandpy *sp = sandpy_new(&cfg);
    const char *src = "[{'name': o['name'], 'total': o['qty'] * o['price']} for o in orders]";
    const char *names[] = {"orders"};
    sandpy_code *code = sandpy_compile(sp, src, strlen(src), "reshape.py", names, 1);
    const char *json = "[{\"name\": \"pen\", \"qty\": 3, \"price\": 1.5}]";
    sandpy_input_json(sp, "orders", json, strlen(json));
    if (code && sandpy_start(sp, code) == SANDPY_OK)
        printf("%s\n", sandpy_result_json(sp, NULL));
    else
        fprintf(stderr, "%s", sandpy_error_traceback(sp));
    sandpy_free(sp);
    return 0;
}

/* test_examples.c - the examples build and behave: the minimal embed prints
 * its JSON, and the agent loop gives the same output whether one process
 * answers every call or a second process finishes a saved run. */
#include "harness.h"

#include <stdlib.h>

#ifndef SP_BUILD_DIR
#define SP_BUILD_DIR "build"
#endif

/* stdout of a shell command (at most 4 KiB). */
static const char *run(const char *cmd) {
    static char out[4096];
    FILE *p = popen(cmd, "r");
    size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
    int rc = p ? pclose(p) : -1;
    out[n] = 0;
    return rc == 0 ? out : "(failed)";
}

int main(void) {
    CHECK_STR(run(SP_BUILD_DIR "/examples/minimal"), "[{\"name\": \"pen\", \"total\": 4.5}]\n");
    char once[4096];
    snprintf(once, sizeof once, "%s", run(SP_BUILD_DIR "/examples/agent run"));
    CHECK(strstr(once, "\"best\": \"a.org\"") != NULL);
    const char *state = SP_BUILD_DIR "/examples/agent.state";
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s/examples/agent start %s && %s/examples/agent finish %s",
             SP_BUILD_DIR, state, SP_BUILD_DIR, state);
    CHECK_STR(run(cmd), once);
    remove(state);
    return t_report();
}

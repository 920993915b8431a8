/* A C host using libjianzheng_c the way a downstream project would: compiled and linked with
 * nothing but `pkg-config --cflags --libs jianzheng_c` against the installed (and moved)
 * tree (tests/consumer/pkg_config/run.sh); the C consumer of every pkg-config test. */
#include <jianzheng/jianzheng.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  char* error = NULL;
  char* out;
  int ok;
  jz_engine* engine = jz_engine_new(NULL, &error);
  if (!engine) {
    fprintf(stderr, "consumer: no engine: %s\n", error ? error : "?");
    return 1;
  }
  /* 附件1 第8项 婚姻状况证明: refused with its route under 二（二）2. */
  out = jz_decide_json(engine, "{\"item\": \"marital-status\", \"date\": \"2021-09-30\"}");
  ok = out && strstr(out, "\"outcome\":\"refuse_redirect\"") != NULL;
  if (!ok) fprintf(stderr, "consumer: unexpected answer %s\n", out ? out : "(null)");
  jz_string_free(out);
  jz_engine_free(engine);
  if (!ok) return 1;
  printf("consumer: jianzheng_c %s ok\n", jz_version());
  return 0;
}

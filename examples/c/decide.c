/* What this shows: a host that cannot link C++ (a Java, .NET or Go service, here plain C)
 * makes one engine with the compiled-in national list, asks it about certificates with JSON
 * requests, reads the JSON decisions, and gets bad input back as an error object — never a
 * crash. Build: cc decide.c -ljianzheng_c. See docs/c-api.md. */
#include <jianzheng/jianzheng.h>

#include <stdio.h>
#include <string.h>

/* Prints the value of "key":"…" in a flat JSON text (enough for a demo; a host would use its
 * own JSON library). */
static void print_field(const char* json, const char* key) {
  char needle[64];
  const char* at;
  snprintf(needle, sizeof needle, "\"%s\":\"", key);
  at = strstr(json, needle);
  if (!at) {
    printf("%s: (none)\n", key);
    return;
  }
  at += strlen(needle);
  printf("%s: %.*s\n", key, (int)strcspn(at, "\""), at);
}

int main(void) {
  char* error = NULL;
  char* out;
  jz_engine* engine = jz_engine_new(NULL, &error); /* NULL: the embedded default */
  if (!engine) {
    fprintf(stderr, "cannot make the engine: %s\n", error ? error : "?");
    jz_string_free(error);
    return 1;
  }
  printf("jianzheng %s\n", jz_version());

  /* A bank asks a resident for a "single certificate" (单身证明 = 婚姻状况证明, 附件1 第8项). */
  out = jz_decide_json(engine,
                       "{\"text\": \"单身证明\", \"purpose\": \"银行贷款\","
                       " \"requester\": {\"kind\": \"civil_commercial_entity\", \"name\": \"某银行\"},"
                       " \"date\": \"2021-09-30\"}");
  print_field(out, "outcome");
  print_field(out, "id");
  jz_string_free(out);

  /* Resolve what a clerk typed. */
  out = jz_resolve_json(engine, "无犯罪证明");
  printf("resolve: %s\n", out);
  jz_string_free(out);

  /* Bad input is an error object, not a crash. */
  out = jz_decide_json(engine, "{\"item\": \"kinship\", \"facts\": {\"verifiable\": \"maybe\"}}");
  printf("bad request: %s\n", out);
  jz_string_free(out);

  jz_engine_free(engine);
  return 0;
}

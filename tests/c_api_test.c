/* Drives the C ABI from plain C99, as a host would: the header must compile as strict C, and
 * no input — NULL, malformed JSON, invalid UTF-8, oversize — may crash or abort the host.
 * One engine is shared by several threads at once. Exits non-zero naming the failed check. */
#include "jianzheng/jianzheng.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond, what)                                      \
  do {                                                         \
    if (!(cond)) {                                             \
      fprintf(stderr, "c_api_test: FAILED: %s (%s)\n", what, #cond); \
      ++failures;                                              \
    }                                                          \
  } while (0)

/* Whether `json` is an error object with this code. */
static int is_error(const char* json, const char* code) {
  char needle[96];
  if (!json) return 0;
  snprintf(needle, sizeof needle, "{\"error\": {\"code\": \"%s\"", code);
  return strncmp(json, needle, strlen(needle)) == 0;
}

static int contains(const char* json, const char* part) { return json && strstr(json, part) != NULL; }

/* Whether `json` is one line: no newline anywhere (JSON strings escape theirs). */
static int one_line(const char* json) { return json && strchr(json, '\n') == NULL; }

/* Number of lines of a JSON Lines answer (each line ends with a newline). */
static int count_lines(const char* jsonl) {
  int n = 0;
  for (; jsonl && *jsonl; ++jsonl) n += *jsonl == '\n';
  return n;
}

/* The line `index` (0-based) of a JSON Lines answer, copied into buf. */
static const char* nth_line(const char* jsonl, int index, char* buf, size_t size) {
  const char* end;
  size_t n;
  while (jsonl && index-- > 0) {
    jsonl = strchr(jsonl, '\n');
    if (jsonl) ++jsonl;
  }
  if (!jsonl) return "";
  end = strchr(jsonl, '\n');
  n = end ? (size_t)(end - jsonl) : strlen(jsonl);
  if (n >= size) n = size - 1;
  memcpy(buf, jsonl, n);
  buf[n] = '\0';
  return buf;
}

/* Decides and frees; returns whether the answer contains `part`. */
static int decide_contains(const jz_engine* engine, const char* request, const char* part) {
  char* out = jz_decide_json(engine, request);
  int ok = contains(out, part);
  if (!ok) fprintf(stderr, "c_api_test: %s -> %s\n", request ? request : "(null)", out ? out : "(null)");
  jz_string_free(out);
  return ok;
}

struct worker {
  const jz_engine* engine;
  const char* expected; /* the single-threaded answer */
  int mismatches;
};

static void* work(void* arg) {
  struct worker* w = (struct worker*)arg;
  int i;
  for (i = 0; i < 500; ++i) {
    char* out = jz_decide_json(w->engine, "{\"item\": \"marital-status\", \"date\": \"2021-09-30\"}");
    if (!out || strcmp(out, w->expected) != 0) ++w->mismatches;
    jz_string_free(out);
  }
  return NULL;
}

int main(void) {
  char* error = NULL;
  jz_engine* engine;
  char* out;
  char* huge;

  CHECK(jz_version() != NULL && strchr(jz_version(), '.') != NULL, "version is MAJOR.MINOR.PATCH");

  engine = jz_engine_new(NULL, &error);
  CHECK(engine != NULL && error == NULL, "the embedded default engine is made");
  if (!engine) {
    fprintf(stderr, "%s\n", error ? error : "(no error)");
    return 1;
  }

  /* 附件1 第8项 婚姻状况证明 is on the no-issue list: 二（二）2 refuses and redirects. */
  CHECK(decide_contains(engine, "{\"item\": \"marital-status\"}", "\"outcome\":\"refuse_redirect\""),
        "a listed item is refused with its route (2.2.2)");
  CHECK(decide_contains(engine, "{\"item\": \"marital-status\"}", "\"id\":\"2.2.2\""),
        "the decision cites 2.2.2");

  /* Bad input comes back as an error object naming the code. */
  out = jz_decide_json(engine, NULL);
  CHECK(is_error(out, "invalid_argument"), "NULL request");
  jz_string_free(out);
  out = jz_decide_json(NULL, "{\"item\": \"kinship\"}");
  CHECK(is_error(out, "invalid_argument"), "NULL engine");
  jz_string_free(out);
  out = jz_decide_json(engine, "{\"item\": ");
  CHECK(is_error(out, "malformed_json"), "truncated JSON");
  jz_string_free(out);
  out = jz_decide_json(engine, "{\"text\": \"\xff\xfe\"}");
  CHECK(is_error(out, "invalid_utf8"), "invalid UTF-8");
  jz_string_free(out);
  out = jz_decide_json(engine, "{\"item\": \"kinship\", \"facts\": {\"verifiable\": \"maybe\"}}");
  CHECK(is_error(out, "unknown_enum") && contains(out, "/facts/verifiable"), "a fact of maybe names the field");
  /* The structured where: the text, and origin, line, column and pointer beside it. */
  CHECK(contains(out, "\"where\": \"<request>:1:45 /facts/verifiable\"") &&
            contains(out, "\"origin\": \"<request>\"") && contains(out, "\"line\": 1,") &&
            contains(out, "\"column\": 45,") && contains(out, "\"pointer\": \"/facts/verifiable\""),
        "an error's where is structured: origin, line, column, pointer");
  CHECK(one_line(out), "an error object is one line");
  jz_string_free(out);
  out = jz_decide_json(engine, "{\"purpose\": \"x\"}");
  CHECK(is_error(out, "missing_field"), "neither item nor text");
  jz_string_free(out);

  huge = (char*)malloc(JZ_MAX_INPUT_BYTES + 16);
  if (huge) {
    memset(huge, ' ', JZ_MAX_INPUT_BYTES + 15);
    huge[0] = '{';
    huge[JZ_MAX_INPUT_BYTES + 15] = '\0';
    out = jz_decide_json(engine, huge);
    CHECK(is_error(out, "too_large"), "input over JZ_MAX_INPUT_BYTES");
    jz_string_free(out);
    out = jz_resolve_json(engine, huge);
    CHECK(is_error(out, "too_large"), "resolve text over JZ_MAX_INPUT_BYTES");
    jz_string_free(out);
    free(huge);
  }

  out = jz_resolve_json(engine, "单身证明");
  /* 单身证明 is an added alias of 婚姻状况证明 (附件1 第8项). */
  CHECK(contains(out, "\"query\": \"单身证明\"") && contains(out, "\"item\": \"marital-status\""),
        "resolve finds the item of a colloquial name");
  CHECK(one_line(out), "the resolve answer is one line");
  CHECK(contains(out, "\"certainty\": \"confident\""), "resolve says it is sure of 单身证明");
  jz_string_free(out);
  out = jz_resolve_json(engine, "居住证明");
  CHECK(contains(out, "\"certainty\": \"none\"") && contains(out, "\"matches\": []"),
        "resolve says none for a certificate on no list (居住证明)");
  jz_string_free(out);
  out = jz_decide_json(engine, "{\"text\": \"单身证明\", \"date\": \"2021-09-30\"}");
  CHECK(one_line(out) && contains(out, "\"outcome\":\"refuse_redirect\""), "the decision is one line");
  jz_string_free(out);

  /* 二（三）4 准入: a department may not demand a listed certificate (附件1 第8项), 二（二）2. */
  out = jz_admit_json(engine,
                      "{\"department\": \"县人社局\", \"item\": \"marital-status\", \"purpose\": \"办理社保\"}");
  CHECK(one_line(out) && contains(out, "\"outcome\":\"rejected\"") && contains(out, "\"id\":\"2.3.4\""),
        "admission of a listed item is rejected, citing 2.3.4");
  jz_string_free(out);
  out = jz_admit_json(engine, "{\"department\": \"县人社局\", \"item\": \"marital-status\", \"within_duties\": \"perhaps\"}");
  CHECK(is_error(out, "unknown_enum") && contains(out, "\"origin\": \"<demand>\"") &&
            contains(out, "\"pointer\": \"/within_duties\""),
        "a bad demand names its field");
  jz_string_free(out);
  out = jz_admit_json(engine, NULL);
  CHECK(is_error(out, "invalid_argument"), "NULL demand");
  jz_string_free(out);

  /* 二（三）6 监督: a bank demanding a listed certificate is unreasonable (二（二）2, 附件1 第8项). */
  out = jz_supervise_json(engine,
                          "{\"body\": \"某银行\", \"body_kind\": \"civil_commercial_entity\", \"text\": \"单身证明\"}");
  CHECK(one_line(out) && contains(out, "\"outcome\":\"unreasonable\"") && contains(out, "\"id\":\"2.3.6\""),
        "supervision finds a demand for a listed item unreasonable, citing 2.3.6");
  jz_string_free(out);
  out = jz_supervise_json(engine, "{\"body\": \"某银行\"}");
  CHECK(is_error(out, "missing_field"), "a complaint naming no certificate");
  jz_string_free(out);
  out = jz_supervise_json(NULL, "{}");
  CHECK(is_error(out, "invalid_argument"), "NULL engine for supervision");
  jz_string_free(out);

  /* The batch: JSON Lines in and out, in order; a bad line is an error line naming it. */
  {
    char line[4096];
    char* single = jz_decide_json(engine, "{\"item\": \"marital-status\", \"date\": \"2021-09-30\"}");
    out = jz_decide_batch_json(engine,
                               "{\"item\": \"marital-status\", \"date\": \"2021-09-30\"}\n"
                               "\n"
                               "{\"item\": \"kinship\", \"facts\": {\"verifiable\": 3}}\r\n"
                               "not json\n"
                               "{\"item\": \"kinship\"}");
    CHECK(count_lines(out) == 4, "one output line per non-blank input line, each ending in a newline");
    CHECK(strcmp(nth_line(out, 0, line, sizeof line), single ? single : "?") == 0,
          "a batch decision is the same bytes as jz_decide_json");
    nth_line(out, 1, line, sizeof line);
    CHECK(is_error(line, "wrong_type") && contains(line, "\"where\": \"<batch>:3:45 /facts/verifiable\"") &&
              contains(line, "\"line\": 3,") && contains(line, "\"column\": 45,"),
          "a bad batch line is an error naming its line number (blank lines count)");
    nth_line(out, 2, line, sizeof line);
    CHECK(is_error(line, "malformed_json") && contains(line, "\"line\": 4,"), "a line that is not JSON");
    CHECK(contains(nth_line(out, 3, line, sizeof line), "\"outcome\":\"refuse_redirect\""),
          "the batch goes on after a bad line, and the last line needs no newline");
    jz_string_free(out);
    jz_string_free(single);
    out = jz_decide_batch_json(engine, "");
    CHECK(out && out[0] == '\0', "an empty batch gives an empty answer");
    jz_string_free(out);
    out = jz_decide_batch_json(engine, NULL);
    CHECK(is_error(out, "invalid_argument"), "NULL batch");
    jz_string_free(out);
  }
  out = jz_resolve_json(engine, NULL);
  CHECK(is_error(out, "invalid_argument"), "NULL resolve text");
  jz_string_free(out);

  /* One engine, four threads at once, the same answers as one thread. */
  {
    pthread_t threads[4];
    struct worker workers[4];
    char* expected = jz_decide_json(engine, "{\"item\": \"marital-status\", \"date\": \"2021-09-30\"}");
    int i;
    for (i = 0; i < 4; ++i) {
      workers[i].engine = engine;
      workers[i].expected = expected;
      workers[i].mismatches = 0;
      pthread_create(&threads[i], NULL, work, &workers[i]);
    }
    for (i = 0; i < 4; ++i) {
      pthread_join(threads[i], NULL);
      CHECK(workers[i].mismatches == 0, "threads agree with the single-threaded answer");
    }
    jz_string_free(expected);
  }

  /* Catalog arguments: bad ones give NULL and an error object; "embedded" is the default. */
  error = NULL;
  CHECK(jz_engine_new("[ {\"provenance\": ", &error) == NULL && is_error(error, "malformed_json"), "malformed catalogs");
  jz_string_free(error);
  error = NULL;
  CHECK(jz_engine_new("[1]", &error) == NULL && is_error(error, "wrong_type"), "a layer that is not an object");
  jz_string_free(error);
  error = NULL;
  CHECK(jz_engine_new("[\"/no/such/catalog.json\"]", &error) == NULL && is_error(error, "io_error"),
        "a missing catalog file");
  jz_string_free(error);
  error = NULL;
  CHECK(jz_engine_new("[\"\\u00ff\xff\"]", &error) == NULL && is_error(error, "invalid_utf8"),
        "invalid UTF-8 catalogs");
  jz_string_free(error);
  CHECK(jz_engine_new("[1, 2", NULL) == NULL, "the error argument may be NULL");
  /* A layer inside the argument: its errors point into the argument. */
  error = NULL;
  CHECK(jz_engine_new("[\"embedded\",\n {\"format\": 1}]", &error) == NULL && is_error(error, "wrong_type") &&
            contains(error, "\"where\": \"catalogs:2:13 /1/format\""),
        "an inline layer's error names catalogs:line:column and the element's pointer");
  jz_string_free(error);
  /* A layer given as a path keeps file:line:column, checked against the layers below it. */
  {
    const char* file = JIANZHENG_TEST_DATA_DIR "/catalog/invalid_duplicate_id_item_of_lower_layer.json";
    char catalogs[1024];
    snprintf(catalogs, sizeof catalogs, "[\"embedded\", \"%s\"]", file);
    error = NULL;
    CHECK(jz_engine_new(catalogs, &error) == NULL && is_error(error, "duplicate_id") &&
              contains(error, "invalid_duplicate_id_item_of_lower_layer.json:6:") &&
              contains(error, "\"line\": 6,") && contains(error, "\"pointer\": \"/items/0/id\""),
          "a layer file's error keeps file:line:column");
    if (error && !contains(error, ":6:")) fprintf(stderr, "c_api_test: %s\n", error);
    jz_string_free(error);
  }
  {
    jz_engine* layered = jz_engine_new(" [ \"embedded\" ] ", &error);
    CHECK(layered != NULL && error == NULL, "\"embedded\" names the default layers");
    if (layered) {
      CHECK(decide_contains(layered, "{\"item\": \"marital-status\"}", "refuse_redirect"),
            "the layered engine decides as the default");
    }
    jz_engine_free(layered);
    jz_string_free(error);
  }

  jz_string_free(NULL);
  jz_engine_free(NULL);
  jz_engine_free(engine);
  if (failures) return 1;
  printf("c_api_test: all checks passed\n");
  return 0;
}

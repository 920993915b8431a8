/* jianzheng.h — the C ABI of jianzheng (减证): JSON in, JSON out.
 *
 * For hosts that cannot link C++: Java (JNA, Panama), C# (P/Invoke), Go (cgo), Python
 * (ctypes) and the provincial service platform. Plain C89-compatible declarations; the
 * library is libjianzheng_c, which exports only the jz_* symbols below. See docs/c-api.md.
 *
 * Rules every function keeps:
 *  - Nothing throws across this boundary and nothing aborts the host. NULL, malformed JSON,
 *    invalid UTF-8 and inputs over the size limits come back as an error object, one line:
 *      {"error": {"code": "unknown_enum", "where": "<request>:1:45 /facts/verifiable",
 *                 "message": "…", "origin": "<request>", "line": 1, "column": 45,
 *                 "pointer": "/facts/verifiable"}}
 *    "code" is one of the stable jianzheng::ErrorCode names (docs/c-api.md), or "internal".
 *    "where" is the place as text; origin, line, column and pointer are there when known.
 *  - Every char* returned is UTF-8 JSON on one line (JSON Lines for the batch call),
 *    allocated by the library: free it with jz_string_free (never with free()). NULL is
 *    returned only when memory is exhausted.
 *  - A jz_engine never changes once made: call it from any number of threads at once.
 *  - Versions: every symbol carries the version node of the release that added it
 *    (JIANZHENG_0.1); the soname libjianzheng_c.so.0 changes only when a function changes or
 *    goes away (docs/c-api.md, "Versions and sonames").
 */
#ifndef JIANZHENG_H
#define JIANZHENG_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  if defined(JIANZHENG_C_BUILDING)
#    define JZ_API __declspec(dllexport)
#  else
#    define JZ_API __declspec(dllimport)
#  endif
#else
#  define JZ_API __attribute__((visibility("default")))
#endif

/* C++ hosts see that nothing throws. */
#ifdef __cplusplus
#  define JZ_NOEXCEPT noexcept
#else
#  define JZ_NOEXCEPT
#endif

/** Largest input accepted, in bytes (1 MiB): a request, a resolve text, or the catalogs
 *  argument of jz_engine_new. Larger input gives the error code "too_large". */
#define JZ_MAX_INPUT_BYTES (1024u * 1024u)
/** Largest catalogs argument of jz_engine_new, in bytes (16 MiB): catalog layers are bigger
 *  than requests. */
#define JZ_MAX_CATALOGS_BYTES (16u * 1024u * 1024u)
/** Largest JSON Lines argument of jz_decide_batch_json, in bytes (16 MiB). */
#define JZ_MAX_BATCH_BYTES (16u * 1024u * 1024u)
/** Most requests (non-blank lines) in one jz_decide_batch_json call. */
#define JZ_MAX_BATCH_LINES 10000u

/** An immutable decision engine (opaque). */
typedef struct jz_engine jz_engine;

/** Makes an engine.
 *  catalogs_json_or_null: NULL or "" for the embedded default (the national first batch, its
 *    aliases and dated changes). Otherwise JSON, either
 *      - one catalog layer object, stacked on the embedded default layers, or
 *      - an array of layers, base first, each element a layer object, a file path string,
 *        or the string "embedded" (the embedded default layers at that place).
 *    A layer given as a path is read from that file and its errors name the file, line and
 *    column; each layer is checked against the ones below it.
 *  error_json: when not NULL, receives NULL on success, or on failure an error object
 *    (free it with jz_string_free).
 *  Returns the engine, or NULL on failure. */
JZ_API jz_engine* jz_engine_new(const char* catalogs_json_or_null, char** error_json) JZ_NOEXCEPT;

/** Frees an engine made by jz_engine_new; NULL is ignored. No call on it may be running. */
JZ_API void jz_engine_free(jz_engine* engine) JZ_NOEXCEPT;

/** Decides one request (the Request JSON of docs/c-api.md) and returns the Decision JSON, one
 *  line, or an error object. */
JZ_API char* jz_decide_json(const jz_engine* engine, const char* request_json) JZ_NOEXCEPT;

/** 二（三）4 准入: may a department demand this certificate from committees? Takes the Demand
 *  JSON ({"department", "item"|"text", "purpose", "bases", "within_duties", "verifiable",
 *  "date"}) and returns the Admission JSON, one line, or an error object. */
JZ_API char* jz_admit_json(const jz_engine* engine, const char* demand_json) JZ_NOEXCEPT;

/** 二（三）6 监督: is a reported demand unreasonable? Takes the Complaint JSON ({"body",
 *  "body_kind", "item"|"text", "purpose", "bases", "channel", "date"}) and returns the
 *  Supervision JSON, one line, or an error object. */
JZ_API char* jz_supervise_json(const jz_engine* engine, const char* complaint_json) JZ_NOEXCEPT;

/** Decides many requests in one call: JSON Lines in (one Request JSON per line; blank lines
 *  are skipped), JSON Lines out, in order, one line per request — the Decision JSON, or for a
 *  bad line an error object whose origin is "<batch>" and whose "line" is that line's number
 *  (where reads "<batch>:LINE:COLUMN /pointer"). Every line ends with "\n". Decides on the
 *  calling thread. A NULL, oversize (JZ_MAX_BATCH_BYTES, JZ_MAX_BATCH_LINES) or non-UTF-8
 *  argument gives one error object instead. */
JZ_API char* jz_decide_batch_json(const jz_engine* engine, const char* requests_jsonl) JZ_NOEXCEPT;

/** Resolves free text naming a certificate, in any spelling, and returns
 *  {"query": TEXT, "matches": [{"item", "name", "score", "how"}, …]} best first, or an error
 *  object. "matches" is [] when nothing plausible matches. */
JZ_API char* jz_resolve_json(const jz_engine* engine, const char* text) JZ_NOEXCEPT;

/** Frees a string returned by this library; NULL is ignored. */
JZ_API void jz_string_free(char* s) JZ_NOEXCEPT;

/** The library version, "MAJOR.MINOR.PATCH" (a static string: do not free). */
JZ_API const char* jz_version(void) JZ_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* JIANZHENG_H */

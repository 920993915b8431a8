/* jianzheng.h — the C ABI of jianzheng (减证): JSON in, JSON out.
 *
 * For hosts that cannot link C++: Java (JNA, Panama), C# (P/Invoke), Go (cgo), Python
 * (ctypes) and the provincial service platform. Plain C89-compatible declarations; the
 * library is libjianzheng_c, which exports only the jz_* symbols below. See docs/c-api.md.
 *
 * Rules every function keeps:
 *  - Nothing throws across this boundary and nothing aborts the host. NULL, malformed JSON,
 *    invalid UTF-8 and inputs over JZ_MAX_INPUT_BYTES come back as an error object:
 *      {"error": {"code": "malformed_json", "where": "<request>:1:7 (root)", "message": "…"}}
 *    "code" is one of the stable jianzheng::ErrorCode names (docs/c-api.md), or "internal".
 *  - Every char* returned is UTF-8 JSON allocated by the library: free it with
 *    jz_string_free (never with free()). NULL is returned only when memory is exhausted.
 *  - A jz_engine never changes once made: call it from any number of threads at once.
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

/** An immutable decision engine (opaque). */
typedef struct jz_engine jz_engine;

/** Makes an engine.
 *  catalogs_json_or_null: NULL or "" for the embedded default (the national first batch, its
 *    aliases and dated changes). Otherwise JSON, either
 *      - one catalog layer object, stacked on the embedded default layers, or
 *      - an array of layers, base first, each element a layer object, a file path string,
 *        or the string "embedded" (the embedded default layers at that place).
 *  error_json: when not NULL, receives NULL on success, or on failure an error object
 *    (free it with jz_string_free).
 *  Returns the engine, or NULL on failure. */
JZ_API jz_engine* jz_engine_new(const char* catalogs_json_or_null, char** error_json) JZ_NOEXCEPT;

/** Frees an engine made by jz_engine_new; NULL is ignored. No call on it may be running. */
JZ_API void jz_engine_free(jz_engine* engine) JZ_NOEXCEPT;

/** Decides one request (the Request JSON of docs/c-api.md) and returns the Decision JSON, one
 *  line, or an error object. */
JZ_API char* jz_decide_json(const jz_engine* engine, const char* request_json) JZ_NOEXCEPT;

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

// What this shows: the C ABI (libjianzheng_c) from Java through JNA (Debian: libjna-java), as
// a department's Java service would wrap it — one Engine per process, shared by every request
// thread; JSON strings in and out; every string the library returns freed by jz_string_free.
// Strings go in as NUL-terminated UTF-8 bytes, so the JVM's default charset never matters.
// Decide.java uses it; docs/c-api.md, "From Java".

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

public final class Jianzheng implements AutoCloseable {
    /** The jz_* functions of include/jianzheng/jianzheng.h. */
    interface Lib extends Library {
        Lib C = Native.load("jianzheng_c", Lib.class);

        Pointer jz_engine_new(byte[] catalogsJsonOrNull, PointerByReference errorJson);
        void jz_engine_free(Pointer engine);
        Pointer jz_decide_json(Pointer engine, byte[] requestJson);
        Pointer jz_admit_json(Pointer engine, byte[] demandJson);
        Pointer jz_supervise_json(Pointer engine, byte[] complaintJson);
        Pointer jz_decide_batch_json(Pointer engine, byte[] requestsJsonl);
        Pointer jz_resolve_json(Pointer engine, byte[] text);
        void jz_string_free(Pointer s);
        String jz_version();
    }

    /** Bad catalogs: the library's error object is the message. */
    public static final class EngineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EngineException(String errorJson) { super(errorJson); }
    }

    private Pointer engine;

    /** The embedded default (national batch 1) when catalogsJson is null; else layers as JSON. */
    public Jianzheng(String catalogsJson) {
        PointerByReference error = new PointerByReference();
        engine = Lib.C.jz_engine_new(catalogsJson == null ? null : utf8(catalogsJson), error);
        if (engine == null) throw new EngineException(take(error.getValue()));
    }

    public Jianzheng() { this(null); }

    /** The Decision JSON (one line), or {"error": …} for a bad request. */
    public String decide(String requestJson) { return take(Lib.C.jz_decide_json(engine, utf8(requestJson))); }

    /** 二（三）4 准入: the Admission JSON for a department's Demand JSON. */
    public String admit(String demandJson) { return take(Lib.C.jz_admit_json(engine, utf8(demandJson))); }

    /** 二（三）6 监督: the Supervision JSON for a Complaint JSON. */
    public String supervise(String complaintJson) { return take(Lib.C.jz_supervise_json(engine, utf8(complaintJson))); }

    /** JSON Lines in, JSON Lines out: one line per non-blank request line, in order. */
    public String decideBatch(String requestsJsonl) { return take(Lib.C.jz_decide_batch_json(engine, utf8(requestsJsonl))); }

    /** {"query", "certainty", "matches": [{"item", "name", "score", "how"}]} for free text. */
    public String resolve(String text) { return take(Lib.C.jz_resolve_json(engine, utf8(text))); }

    public static String version() { return Lib.C.jz_version(); }

    /** Whether an answer is the library's error object rather than a result. */
    public static boolean isError(String json) { return json.startsWith("{\"error\":"); }

    @Override
    public synchronized void close() {
        if (engine != null) Lib.C.jz_engine_free(engine);
        engine = null;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : (s + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private static String take(Pointer p) {
        if (p == null) throw new OutOfMemoryError("libjianzheng_c returned NULL");
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Lib.C.jz_string_free(p);
        }
    }
}

// What this shows: a Java host deciding with the C ABI through JNA (Jianzheng.java): a
// resident's request, a department's demand (准入), a complaint (监督), a batch, a bad request
// coming back as an error object, and one engine shared by four threads. Built and run as the
// ctest example.java_decide; docs/c-api.md, "From Java".

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Decide {
    /** The first "key":"value" of a JSON text (a service would use Jackson or Gson). */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "(none)";
    }

    public static void main(String[] args) throws Exception {
        // UTF-8 on stdout whatever the locale (Java 17 prints in the platform charset).
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.out.println("jianzheng " + Jianzheng.version());
        try (Jianzheng engine = new Jianzheng()) {
            // 单身证明 is 婚姻状况证明, 附件1 第8项: refused with its route under 二（二）2.
            String decision = engine.decide(
                "{\"text\": \"单身证明\", \"purpose\": \"银行贷款\", \"date\": \"2021-09-30\"}");
            System.out.println("decide: " + field(decision, "outcome") + " " + field(decision, "path"));

            // 二（三）4: a department may not demand a listed certificate from committees.
            String admission = engine.admit(
                "{\"department\": \"县人社局\", \"item\": \"marital-status\", \"date\": \"2021-09-30\"}");
            System.out.println("admit: " + field(admission, "outcome"));

            // 二（三）6: a bank demanding it is unreasonable.
            String supervision = engine.supervise(
                "{\"body\": \"某银行\", \"body_kind\": \"civil_commercial_entity\", \"text\": \"单身证明\"}");
            System.out.println("supervise: " + field(supervision, "outcome"));

            // JSON Lines: the second line is bad and comes back as an error line naming it.
            String batch = engine.decideBatch(
                "{\"item\": \"kinship\"}\n{\"item\": \"kinship\", \"facts\": {\"verifiable\": \"maybe\"}}\n");
            String[] lines = batch.split("\n");
            System.out.println("batch: " + lines.length + " lines; line 2 " + field(lines[1], "code")
                               + " at " + field(lines[1], "where"));

            String bad = engine.decide("{\"item\": ");
            System.out.println("bad request: error=" + Jianzheng.isError(bad) + " " + field(bad, "code"));

            // One engine, four threads at once: the same answer as one thread.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; ++t) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 100; ++i) {
                        if (!engine.decide("{\"text\": \"单身证明\", \"purpose\": \"银行贷款\", \"date\": \"2021-09-30\"}")
                                   .equals(decision)) return false;
                    }
                    return true;
                }));
            }
            boolean agree = true;
            for (Future<Boolean> f : results) agree &= f.get();
            pool.shutdown();
            System.out.println("threads agree: " + agree);
        }
        try (Jianzheng broken = new Jianzheng("[\"/no/such/layer.json\"]")) {
            System.out.println("unexpected: an engine from a missing file, " + broken);
        } catch (Jianzheng.EngineException e) {
            System.out.println("bad catalogs: " + field(e.getMessage(), "code"));
        }
    }
}

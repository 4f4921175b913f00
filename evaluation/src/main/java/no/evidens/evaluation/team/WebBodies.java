package no.evidens.evaluation.team;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The answers of {@code bench web}'s searches, written to a file so that two versions of the server can be
 * compared byte for byte ({@code cmp BEFORE AFTER}): {@code evidens serve} is started on a home (as
 * {@code bench web --home} leaves it), and each of the mix's 400 searches is asked for once, and every tenth
 * also for its second page and in document order. The only thing blanked is {@code "tookMs"}, which differs
 * run to run. Each answer is written whole after a line with its path and status.
 *
 * <pre>java -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar no.evidens.evaluation.team.WebBodies HOME OUT</pre>
 *
 * It writes to the home's audit trail (one line per search, actor {@code benk}).
 */
public final class WebBodies {
    private static final Pattern TOOK = Pattern.compile("\"tookMs\" ?: ?[0-9]+");

    private WebBodies() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        List<String> paths = new ArrayList<>();
        List<SearchMix.Search> mix = SearchMix.ofSampleVocabulary(400).searches();
        for (int i = 0; i < mix.size(); i++) {
            paths.add(mix.get(i).path());
            if (i % 10 == 0) {
                paths.add(mix.get(i).path() + "&offset=10");
                paths.add(mix.get(i).path() + "&sort=document");
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        try (ServerProcess server = ServerProcess.start(home, null);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String p : paths) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + p)).timeout(Duration.ofSeconds(120))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                w.write("### " + p + " " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("-") + "\n");
                w.write(TOOK.matcher(r.body()).replaceAll("\"tookMs\" : 0"));
                w.write("\n");
            }
        }
        System.out.println(paths.size() + " answers written to " + out);
    }
}

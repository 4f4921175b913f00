package no.evidens.evaluation.team;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.web.Exposure;
import no.evidens.pipeline.web.WebConfig;
import no.evidens.pipeline.web.WebServer;

/**
 * {@code evidens bench team}: N users searching and reading over HTTP (JDK HttpClient) while an ingest
 * runs, first on the single-user server (no sign-in), then on the team server (sign-in, roles, audit
 * trail), on the same home in the same run; prints requests/s and p50/p95/p99 of both and their ratio.
 */
public final class TeamBench {
    static final String CASE = SampleBundle.CASE_ID;
    static final String PASSWORD = "benk-passord-som-er-langt";
    /** Words and phrases an auditor looks for in the sample case. */
    static final List<String> QUERIES = List.of("koordinator", "individuell plan", "ansvarsgruppe", "samarbeid", "fastlege",
            "bekymringsmelding", "ettervern", "tiltaksplan", "barneverntjenesten", "NAV", "oppfølging", "taushetsplikt",
            "pårørende", "samtykke", "internkontroll", "\"individuell plan\" koordinator");

    /**
     * @param users   simulated users, each on a thread of their own
     * @param warmup  load before measuring starts (JIT, caches)
     * @param measure how long each server is measured, per round
     * @param rounds  how many times both servers are measured, one after the other
     */
    public record Settings(int users, Duration warmup, Duration measure, int rounds) {
        public Settings {
            if (users < 1 || rounds < 1 || warmup.isNegative() || measure.isNegative() || measure.isZero()) {
                throw new IllegalArgumentException("--users and --rounds must be at least 1, and --seconds more than 0");
            }
        }
    }

    /** One round's figures: the single-user server's, then the team server's. */
    public record Round(Latencies single, Latencies team) {
    }

    private TeamBench() {
    }

    /**
     * Runs the rounds; each measures the single-user server, then the team server, so that neither
     * always has the colder JVM or the smaller index (the uploads add cases as they go).
     */
    public static List<Round> run(Settings s, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("evidens-bench-team");
        try {
            Path bundle = dir.resolve("bundle");
            SampleBundle.writeTo(bundle);
            byte[] zip = zip(bundle);
            EvidensHome home = new EvidensHome(dir.resolve("home"));
            out.printf("Ingesting the sample bundle into %s …%n", CASE);
            out.flush();
            new Ingestion(home).ingest(CASE, "Fjordvik", bundle, ProgressListener.NONE);
            List<String> users = accounts(home, s.users());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            WebConfig config = WebConfig.defaults(0, WebConfig.DEFAULT_MAX_UPLOAD);
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= s.rounds(); r++) {
                out.printf("Round %d: single-user server, %d users for %d s (after %d s of warm-up), an ingest running …%n", r,
                        s.users(), s.measure().toSeconds(), s.warmup().toSeconds());
                out.flush();
                Latencies single;
                try (WebServer server = WebServer.start(home, config, Exposure.local(), "benk", Ingestion::new)) {
                    String token = Json.mapper().readTree(get(http, server.url(), "/api/session", null)).get("token").asText();
                    List<String> cookies = new ArrayList<>();
                    users.forEach(u -> cookies.add(null));
                    single = new LoadPhase(http, server.url(), CASE, QUERIES, s, out).run(cookies, null, token, zip, "last-en-" + r);
                }
                out.printf("Round %d: team server (sign-in, roles, audit trail), the same load …%n", r);
                out.flush();
                Latencies team;
                try (WebServer server = WebServer.start(home, config, Exposure.signedIn(), "ignored", Ingestion::new)) {
                    List<String> cookies = new ArrayList<>();
                    for (String u : users) {
                        cookies.add(signIn(http, server.url(), u));
                    }
                    String uploader = signIn(http, server.url(), "laster");
                    String token = Json.mapper().readTree(get(http, server.url(), "/api/session", uploader)).get("token").asText();
                    team = new LoadPhase(http, server.url(), CASE, QUERIES, s, out).run(cookies, uploader, token, zip, "last-team-" + r);
                }
                rounds.add(new Round(single, team));
            }
            print(rounds, s, out);
            return rounds;
        } finally {
            delete(dir);
        }
    }

    static void print(List<Round> rounds, Settings s, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "bench team: %d users searching and reading over HTTP for %d s per server and round, an ingest running"
                + " throughout (%d cores)%n", s.users(), s.measure().toSeconds(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-44s %9s %8s %8s %8s %8s %7s%n", "server", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "errors");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            row(out, "round " + (i + 1) + ": single user (no sign-in)", r.single());
            row(out, "round " + (i + 1) + ": team (sign-in, roles, audit trail)", r.team());
            out.printf(Locale.ROOT, "  %-44s %9s %8.2f %8.2f %8.2f %8.2f%n", "round " + (i + 1) + ": team / single user", "",
                    ratio(r.team().perSecond(), r.single().perSecond()), ratio(r.team().p50(), r.single().p50()),
                    ratio(r.team().p95(), r.single().p95()), ratio(r.team().p99(), r.single().p99()));
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, Latencies l) {
        out.printf(Locale.ROOT, "  %-44s %9d %8.1f %8.1f %8.1f %8.1f %7d%n", name, l.requests(), l.perSecond(), l.p50(), l.p95(), l.p99(),
                l.errors());
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    /** Users {@code benk01} … as auditors of the sample case, and {@code laster}, who uploads the bundles. */
    private static List<String> accounts(EvidensHome home, int n) {
        List<String> users = new ArrayList<>();
        try (AccessStore store = AccessStore.open(home.access())) {
            for (int i = 1; i <= n; i++) {
                String u = String.format(Locale.ROOT, "benk%02d", i);
                store.addUser(u, PASSWORD.toCharArray(), false);
                store.addMember(CASE, u, Role.AUDITOR, "bench");
                users.add(u);
            }
            store.addUser("laster", PASSWORD.toCharArray(), false);
        }
        return users;
    }

    /** Signs a bench user in: the session's cookie ({@code name=value}). */
    static String signIn(HttpClient http, String base, String user) throws IOException, InterruptedException {
        String body = Json.write(java.util.Map.of("user", user, "password", PASSWORD));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/signin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("sign-in of " + user + " answered " + r.statusCode() + ": " + r.body());
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static byte[] get(HttpClient http, String base, String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static void delete(Path dir) {
        try {
            org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            System.err.println("could not delete the bench's temporary folder " + dir + ": " + e.getMessage());
        }
    }
}

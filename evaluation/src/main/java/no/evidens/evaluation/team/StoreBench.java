package no.evidens.evaluation.team;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StorePassword;
import no.evidens.pipeline.store.StoreServe;
import no.evidens.pipeline.store.StoreServer;
import no.evidens.pipeline.store.StoreTls;
import no.evidens.pipeline.web.Exposure;
import no.evidens.pipeline.web.WebConfig;
import no.evidens.pipeline.web.WebServer;

/**
 * {@code evidens bench store}: signed-in auditors on the team server doing what an auditor does (search, open a document,
 * list the findings, attach a quotation and take one off), with the home's findings store and accounts first in its folders,
 * then on a store server ({@code tcp://}), then on one with {@code --tls}, in the same run and the same process; prints
 * requests/s and p50/p95 per kind, the process's processor time per request, the store server's new connections per request
 * (counted by the server: H2 numbers its sessions), and each server's ratio to the file store.
 *
 * <p>The store servers run in this process on the loopback address (as {@code evidens store serve} would on the same
 * machine): the figures are whole-process ones, and the network between a home and a real server is left out.
 */
public final class StoreBench {
    /** Where the home's findings store and accounts are in a phase. */
    public enum Where {
        FILE("file store (the home's folders)"), TCP("store server, tcp://"), TLS("store server, ssl:// (--tls)");

        final String label;

        Where(String label) {
            this.label = label;
        }
    }

    /**
     * @param users   signed-in auditors, each on a thread of their own
     * @param warmup  load before measuring starts, per phase
     * @param measure how long each phase is measured
     * @param rounds  how many times the three phases run, one after the other
     */
    public record Settings(int users, Duration warmup, Duration measure, int rounds) {
        public Settings {
            if (users < 1 || rounds < 1 || warmup.isNegative() || measure.isNegative() || measure.isZero()) {
                throw new IllegalArgumentException("--users and --rounds must be at least 1, and --seconds more than 0");
            }
        }
    }

    /**
     * One phase's figures.
     *
     * @param kinds       the latencies of each kind of request
     * @param all         of every request together
     * @param cpuNanos    the process's processor time while measuring
     * @param connections new connections the store server took while measuring (-1 for the file store)
     */
    public record Phase(Where where, Map<StoreUser.Kind, Latencies> kinds, Latencies all, long cpuNanos, long connections) {
        double cpuMsPerRequest() {
            return all.requests() == 0 ? 0 : cpuNanos / 1e6 / all.requests();
        }

        double connectionsPerRequest() {
            return all.requests() == 0 || connections < 0 ? -1 : (double) connections / (all.requests() + all.errors());
        }
    }

    private StoreBench() {
    }

    /** Runs the rounds; each measures the file store, then the plain store server, then the TLS one. */
    public static List<Phase> run(Settings s, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("evidens-bench-store");
        String before = System.getProperty(HomeStores.PROPERTY);
        try {
            Path bundle = dir.resolve("bundle");
            SampleBundle.writeTo(bundle);
            EvidensHome home = new EvidensHome(dir.resolve("home"));
            out.printf("Ingesting the sample bundle into %s …%n", TeamBench.CASE);
            out.flush();
            new Ingestion(home).ingest(TeamBench.CASE, "Fjordvik", bundle, ProgressListener.NONE);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            List<Phase> phases = new ArrayList<>();
            int n = 0;
            for (int r = 1; r <= s.rounds(); r++) {
                for (Where where : Where.values()) {
                    out.printf("Round %d: %s, %d users for %d s (after %d s of warm-up) …%n", r, where.label, s.users(),
                            s.measure().toSeconds(), s.warmup().toSeconds());
                    out.flush();
                    phases.add(phase(home, where, dir.resolve("server-" + (++n)), http, s));
                }
            }
            print(phases, s, out);
            return phases;
        } finally {
            if (before == null) {
                System.clearProperty(HomeStores.PROPERTY);
            } else {
                System.setProperty(HomeStores.PROPERTY, before);
            }
            TeamBench.delete(dir);
        }
    }

    private static Phase phase(EvidensHome home, Where where, Path serverDir, HttpClient http, Settings s) throws Exception {
        // every phase starts from empty stores: the same findings to list, the same trail to append to
        for (Path p : List.of(home.root().resolve("findings"), home.access(), home.root().resolve("audit-chain.log"))) {
            if (Files.isDirectory(p)) {
                TeamBench.delete(p);
            } else {
                Files.deleteIfExists(p);
            }
        }
        String admin = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        StoreServe server = null;
        try {
            if (where == Where.FILE) {
                System.clearProperty(HomeStores.PROPERTY);
            } else {
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                server = StoreServe.start(serverDir, freePort(), "127.0.0.1", password, admin, where == Where.TLS);
                Path file = home.root().resolve(StorePassword.FILE);
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, password);
                if (where == Where.TLS) {
                    Files.copy(serverDir.resolve(StoreTls.CERTIFICATE), home.root().resolve(StoreTls.CERTIFICATE),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                System.setProperty(HomeStores.PROPERTY, (where == Where.TLS ? "ssl" : "tcp") + "://127.0.0.1:" + server.port());
            }
            List<String> users = accounts(home, s.users());
            try (WebServer web = WebServer.start(home, WebConfig.defaults(0, WebConfig.DEFAULT_MAX_UPLOAD), Exposure.signedIn(), "ignored",
                    Ingestion::new)) {
                BenchPhase phase = new BenchPhase();
                List<StoreUser> loads = new ArrayList<>();
                for (int i = 0; i < users.size(); i++) {
                    StoreUser u = new StoreUser(http, web.url(), TeamBench.signIn(http, web.url(), users.get(i)), TeamBench.CASE, TeamBench.QUERIES,
                            2000L + i, phase);
                    u.prepare("Benkens funn " + (i + 1));
                    loads.add(u);
                }
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < loads.size(); i++) {
                    Thread t = new Thread(loads.get(i), "bench-store-user-" + (i + 1));
                    threads.add(t);
                    t.start();
                }
                Thread.sleep(s.warmup().toMillis());
                // held while measuring: H2 closes a database when its last session ends and numbers its sessions anew when it
                // opens, so without them the count would start again (and the load would pay for those openings)
                List<Connection> held = server == null ? List.of() : hold(server, where, admin);
                long sessions0 = server == null ? 0 : sessions(server, where, admin);
                long cpu0 = cpuNanos();
                phase.measuring = true;
                long t0 = System.nanoTime();
                Thread.sleep(s.measure().toMillis());
                phase.measuring = false;
                double seconds = (System.nanoTime() - t0) / 1e9;
                long cpu = cpuNanos() - cpu0;
                // the probe's own session between the two counts is not the load's
                long connections = server == null ? -1 : sessions(server, where, admin) - sessions0 - StoreCount.DATABASES.size();
                for (Connection c : held) {
                    c.close();
                }
                phase.running = false;
                for (Thread t : threads) {
                    t.join();
                }
                Map<StoreUser.Kind, Latencies> kinds = new EnumMap<>(StoreUser.Kind.class);
                long errors = 0;
                for (StoreUser u : loads) {
                    errors += u.errors();
                    if (u.lastError() != null) {
                        System.err.println("bench store: a request failed: " + u.lastError().lines().findFirst().orElse(""));
                    }
                }
                List<long[]> every = new ArrayList<>();
                for (StoreUser.Kind k : StoreUser.Kind.values()) {
                    long[] l = loads.stream().flatMapToLong(u -> LongStream.of(u.latencies(k))).toArray();
                    every.add(l);
                    kinds.put(k, Latencies.of(l, 0, seconds));
                }
                Latencies all = Latencies.of(every.stream().flatMapToLong(LongStream::of).toArray(), errors, seconds);
                return new Phase(where, kinds, all, cpu, connections);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The databases whose sessions are counted. */
    private static final class StoreCount {
        static final List<String> DATABASES = List.of(StoreServer.FINDINGS, StoreServer.ACCESS);
    }

    /** A connection to each database, as its administrator. */
    private static List<Connection> hold(StoreServe server, Where where, String admin) throws SQLException {
        StoreServer address = new StoreServer("127.0.0.1", server.port(), where == Where.TLS);
        List<Connection> held = new ArrayList<>();
        for (String db : StoreCount.DATABASES) {
            held.add(DriverManager.getConnection(address.url(db), StoreServer.ADMIN_USER, admin));
        }
        return held;
    }

    /**
     * The number H2 gave the newest session of each database, summed: H2 numbers a database's sessions one after the other,
     * so the difference between two counts is how many connections were made in between (this probe's own included).
     */
    private static long sessions(StoreServe server, Where where, String admin) throws SQLException {
        long sum = 0;
        StoreServer address = new StoreServer("127.0.0.1", server.port(), where == Where.TLS);
        for (String db : StoreCount.DATABASES) {
            try (Connection c = DriverManager.getConnection(address.url(db), StoreServer.ADMIN_USER, admin);
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SESSION_ID()")) {
                rs.next();
                sum += rs.getLong(1);
            }
        }
        return sum;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void print(List<Phase> phases, Settings s, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "bench store: %d signed-in users on the team server for %d s per store and round (%d cores; the store"
                + " servers in this process, on loopback)%n", s.users(), s.measure().toSeconds(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  %-44s %9s %8s %8s %8s %7s %10s %9s%n", "store, request", "requests", "req/s", "p50 ms", "p95 ms", "errors",
                "CPU ms/req", "conn/req");
        Phase file = null;
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            int round = i / Where.values().length + 1;
            if (p.where() == Where.FILE) {
                file = p;
            }
            String conn = p.connectionsPerRequest() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", p.connectionsPerRequest());
            out.printf(Locale.ROOT, "  %-44s %9d %8.1f %8.1f %8.1f %7d %10.2f %9s%n", "round " + round + ": " + p.where().label,
                    p.all().requests(), p.all().perSecond(), p.all().p50(), p.all().p95(), p.all().errors(), p.cpuMsPerRequest(), conn);
            for (Map.Entry<StoreUser.Kind, Latencies> k : p.kinds().entrySet()) {
                Latencies l = k.getValue();
                out.printf(Locale.ROOT, "  %-44s %9d %8.1f %8.1f %8.1f%n", "    " + k.getKey().label, l.requests(), l.perSecond(), l.p50(), l.p95());
            }
            if (p.where() != Where.FILE && file != null) {
                out.printf(Locale.ROOT, "  %-44s %9s %8.2f %8.2f %8.2f %7s %10.2f%n", "    ÷ file store (all requests)", "",
                        ratio(p.all().perSecond(), file.all().perSecond()), ratio(p.all().p50(), file.all().p50()),
                        ratio(p.all().p95(), file.all().p95()), "", ratio(p.cpuMsPerRequest(), file.cpuMsPerRequest()));
            }
        }
        out.flush();
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    /** Users {@code benk01} … as auditors of the sample case, on the phase's stores. */
    private static List<String> accounts(EvidensHome home, int n) {
        List<String> users = new ArrayList<>();
        try (AccessStore store = HomeStores.of(home).access(Duration.ofSeconds(30))) {
            for (int i = 1; i <= n; i++) {
                String u = String.format(Locale.ROOT, "benk%02d", i);
                store.addUser(u, TeamBench.PASSWORD.toCharArray(), false);
                store.addMember(TeamBench.CASE, u, Role.AUDITOR, "bench");
                users.add(u);
            }
        }
        return users;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

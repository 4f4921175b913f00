package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.ChildJvm;

/**
 * A team server keeps the access database in the home's folder open between its requests; an account command run beside it
 * ({@code evidens member remove}, {@code evidens user disable}: another process) still gets the database within seconds
 * while the members go on working, and what it changed holds at the server's very next request: a member taken out of a
 * case is refused it, a disabled user is signed out. Not a few seconds later, when the server would have read the
 * database again anyway: these are the promises an administrator relies on when someone leaves.
 */
class CommandBesideTeamServerIT {
    private static final String FINDINGS = "/api/findings?case=" + TeamWorkspace.CASE;

    @TempDir
    Path tmp;

    @Test
    void aMemberTakenOutOfTheCaseBesideTheServerIsRefusedItAtTheNextRequest() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client revisor = team.signIn("revisor");
            // the command writes the change into the case's trail after it has changed the membership: once it waits for the
            // findings store (the server holds it), the member is out
            Path trailWait = FindingStore.waitingFile(team.root.resolve("findings"));
            int next = busyWhile(team, revisor, command(team, "member", "remove", "--case", TeamWorkspace.CASE, "revisor"),
                    log -> Files.exists(trailWait));
            assertEquals(403, next, "the member's first request after the change");
            assertEquals(403, revisor.get(FINDINGS).status(), "and after the command");
            assertEquals(200, team.signIn("leder").get(FINDINGS).status(), "the case's other members keep it");
        }
    }

    @Test
    void aUserDisabledBesideTheServerIsSignedOutAtTheNextRequest() throws Exception {
        try (TeamWorkspace team = TeamWorkspace.start()) {
            TeamWorkspace.Client skribent = team.signIn("skribent");
            // the command says so once the change is made
            int next = busyWhile(team, skribent, command(team, "user", "disable", "skribent"), log -> log.contains("Disabled skribent"));
            assertEquals(401, next, "the user's first request after the change");
            assertEquals(401, skribent.get(FINDINGS).status(), "and after the command");
            assertEquals(401, team.signInAs("skribent", TeamWorkspace.PASSWORD).status(), "nor signed in again");
        }
    }

    /**
     * Runs the command while the client sends a request every 50 ms, so that the database is never idle long enough to be
     * let go for that reason; every request answers meanwhile (200, or 401/403 once the command has made its change).
     *
     * @param changed whether the command has made its change, by what it has written so far
     * @return the status of the client's first request once the command has made its change
     */
    private int busyWhile(TeamWorkspace team, TeamWorkspace.Client client, List<String> command, Predicate<String> changed) throws Exception {
        assertEquals(200, client.get(FINDINGS).status());
        AtomicBoolean working = new AtomicBoolean(true);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread member = new Thread(() -> {
            while (working.get()) {
                try {
                    int status = client.get(FINDINGS).status();
                    if (status == 200) {
                        answered.incrementAndGet();
                    } else if (status != 401 && status != 403) {
                        failed.incrementAndGet();
                        failures.add(Integer.toString(status));
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    failed.incrementAndGet();
                    failures.add(e.toString());
                }
            }
        });
        member.start();
        // How long the command waited for a database the server held, by the command's own clock: it touches the database's
        // waiting file every 20-80 ms while it waits (AccessStore, FindingStore). Its whole run also holds a JVM's start,
        // which on a loaded machine takes many seconds of its own (CI, load 25+).
        List<Path> waitingFiles = List.of(AccessStore.waitingFile(new EvidensHome(team.root).access()),
                FindingStore.waitingFile(team.root.resolve("findings")));
        WaitSpans waits = new WaitSpans(waitingFiles, working);
        waits.start();
        Path log = Files.createTempFile(tmp, "command", ".log");
        Process p = null;
        int next;
        long t0 = System.nanoTime();
        try {
            // the member's requests have kept the database open for a while before the command starts
            Thread.sleep(500);
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (p.isAlive() && !changed.test(Files.readString(log)) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // at once: not a few seconds later, when the server would read its database again anyway
            next = client.get(FINDINGS).status();
            assertTrue(p.waitFor(45, TimeUnit.SECONDS), "the command ends: " + Files.readString(log));
        } finally {
            working.set(false);
            member.join();
            waits.join();
            if (p != null && p.isAlive()) {
                p.destroyForcibly(); // a command kept out: not left waiting after the test
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, p.exitValue(), Files.readString(log));
        // a bound, not a speed: a database never let go keeps the command waiting its whole 30 s, then refuses it; the
        // bound is on that wait, not on the whole run with its JVM's start
        long waitedMs = waits.longestMillis();
        assertTrue(waitedMs < 20_000, "the command waited " + waitedMs + " ms for the database (its whole run " + seconds + " s)");
        assertEquals(0, failed.get(), "every request answered meanwhile: " + failures);
        assertTrue(answered.get() > 0);
        return next;
    }

    /**
     * Samples the last-modified times of the waiting files every 10 ms while {@code working}: the span from the first to the
     * last time seen of one file is how long a process waited for that database (at least; samples may miss its very first
     * and last touch by a sample's interval).
     */
    private static final class WaitSpans extends Thread {
        private final List<Path> files;
        private final AtomicBoolean working;
        private final java.util.Map<Path, long[]> spans = new java.util.concurrent.ConcurrentHashMap<>();
        /** Touches before the sampling began are not this command's. */
        private final long since = System.currentTimeMillis();

        WaitSpans(List<Path> files, AtomicBoolean working) {
            super("waiting-file-sampler");
            this.files = files;
            this.working = working;
        }

        @Override
        public void run() {
            while (working.get()) {
                for (Path f : files) {
                    try {
                        long t = Files.getLastModifiedTime(f).toMillis();
                        if (t < since) {
                            continue;
                        }
                        spans.merge(f, new long[] {t, t}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    } catch (java.io.IOException notThere) {
                        // not waited for (yet)
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long longestMillis() {
            return spans.values().stream().mapToLong(s -> s[1] - s[0]).max().orElse(0);
        }
    }

    /** {@code evidens ARGS --home HOME} in a process of its own, as an administrator at the server's terminal runs it. */
    private static List<String> command(TeamWorkspace team, String... args) {
        List<String> cmd = ChildJvm.evidens();
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--home", team.root.toString()));
        return cmd;
    }
}

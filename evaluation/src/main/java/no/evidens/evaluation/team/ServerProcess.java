package no.evidens.evaluation.team;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.evaluation.ChildJava;

/**
 * {@code evidens serve} on a home, in a JVM of its own (as a user starts it: a cold JVM, nothing searched
 * yet), on a free port; ready when it prints its address. Stopped as Ctrl-C stops it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile(" at (https?://\\S+)");
    private final Process process;
    private final String url;
    private final long startedNanos;
    private final long readyNanos;
    private final Path log;

    private ServerProcess(Process process, String url, long startedNanos, long readyNanos, Path log) {
        this.process = process;
        this.url = url;
        this.startedNanos = startedNanos;
        this.readyNanos = readyNanos;
        this.log = log;
    }

    /**
     * Starts it with this JVM's class path and largest heap.
     *
     * @param jfr a flight recording of the server to write, or null
     */
    static ServerProcess start(Path home, Path jfr) throws IOException {
        List<String> options = new ArrayList<>();
        options.add(ChildJava.sameHeap());
        if (jfr != null) {
            options.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
            // JFR keeps 64 frames by default: a search's stacks are deeper (Jetty, the web layer, the searcher, Lucene),
            // and cut ones cannot be put in the stage of the search they belong to.
            options.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        List<String> cmd = ChildJava.command(options, "no.evidens.pipeline.cli.EvidensCli",
                List.of("serve", "--home", home.toString(), "--port", "0", "--user", "benk"));
        Path log = Files.createTempFile("evidens-bench-web-server", ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = ADDRESS.matcher(line);
            if (m.find()) {
                long ready = System.nanoTime();
                Thread drain = new Thread(() -> drain(out), "bench-server-out");
                drain.setDaemon(true);
                drain.start();
                return new ServerProcess(p, m.group(1), t0, ready, log);
            }
        }
        p.destroyForcibly();
        throw new IOException("the server did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // nothing else is printed by serve; keep its pipe from filling
            }
        } catch (IOException e) {
            // the server ended
        }
    }

    /** The workspace's address, ending in a slash. */
    String url() {
        return url.endsWith("/") ? url : url + "/";
    }

    /** From the process's start to its address printed, seconds. */
    double startSeconds() {
        return (readyNanos - startedNanos) / 1e9;
    }

    /** The server process's processor time so far (every thread), nanoseconds; -1 when the system does not say. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** The server's process id. */
    long pid() {
        return process.pid();
    }

    /** When it printed its address ({@link System#nanoTime()}). */
    long readyNanos() {
        return readyNanos;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            // a flight recording is written out while the server stops: on a busy machine that takes a while,
            // and a server killed before it is done loses the recording
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}

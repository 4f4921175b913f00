package no.evidens.pipeline.web;

import java.nio.file.Path;

import no.evidens.pipeline.HomeLock;

/**
 * Run by {@link TwoServersOneHomeIT} in a JVM of its own: holds the run lock of an ingest job of a home, as the server
 * running it does ({@link IngestJobFiles#run}), says {@code held}, and waits until it is killed.
 */
public final class RunLockChild {
    private RunLockChild() {
    }

    /** @param args the home and the job's id */
    public static void main(String[] args) throws InterruptedException {
        HomeLock.Held held = new IngestJobFiles(Path.of(args[0])).run(args[1]);
        System.out.println(held == null ? "taken" : "held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package no.evidens.pipeline.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A command's answer to Ctrl-C or a service manager's stop (SIGINT, SIGTERM), for a command that ingests: the stop is
 * asked of its work (which begins no other file, commits what it did and ends), and the process ends once the command
 * has closed ({@link #close}), waited for at most a bound; then the processes it started are ended ({@link Workers}).
 * The JVM waits for its shutdown hooks only, not for the command's own thread: without the wait, the process ended while
 * the command was still committing and saying where it stopped.
 */
final class StopHook implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    /**
     * @param ask  asks the command's work to stop
     * @param wait how long the stop waits for the command to close
     */
    StopHook(Runnable ask, Duration wait) {
        hook = new Thread(() -> {
            try {
                ask.run();
                closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Workers.end();
            }
        }, "evidens-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has closed: a stop goes on to end the process; without a stop, the hook is taken away. */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the process is stopping: the hook runs, and finds the command closed
        }
    }
}

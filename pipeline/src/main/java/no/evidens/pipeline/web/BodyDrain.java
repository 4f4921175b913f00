package no.evidens.pipeline.web;

import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * After a refusal has been sent, reads and drops what is left of the request's body for a short while, and only then
 * completes Jetty's callback, so that Jetty closes a connection with nothing unread in it. Closing a socket that still
 * holds unread bytes makes the kernel send a reset, and a client still sending its body (a browser uploading a file
 * that is too large) may then lose the answer it was already sent and report a broken connection instead of the
 * workspace's 413. HTTP/1.1 asks servers to close this way (a "lingering close", RFC 9112 section 9.6); Jetty does not
 * do it by itself: it aborts a connection whose handler left content unread.
 * <p>
 * Reading goes by Jetty's demand, never blocking: a client that holds its body back holds no thread, only a timer,
 * and after {@link #MAX_MILLIS} or {@link #MAX_BYTES} the connection is closed as before.
 */
final class BodyDrain implements Runnable {
    static final long MAX_MILLIS = 5_000;
    static final long MAX_BYTES = 64L << 20;

    private final Request request;
    private final Callback done;
    private Scheduler.Task timer;
    private boolean finished;
    private long dropped;

    private BodyDrain(Request request, Callback done) {
        this.request = request;
        this.done = done;
    }

    /** A callback for the answer's write: once the answer is out, drains the body, then completes {@code done}. */
    static Callback after(Request request, Callback done) {
        return Callback.from(() -> new BodyDrain(request, done).start(), done::failed);
    }

    private void start() {
        Scheduler.Task task = request.getComponents().getScheduler().schedule(this::finish, MAX_MILLIS, TimeUnit.MILLISECONDS);
        synchronized (this) {
            timer = task;
        }
        run();
    }

    @Override
    public synchronized void run() {
        while (!finished) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            boolean end = Content.Chunk.isFailure(chunk) || chunk.isLast();
            dropped += chunk.remaining();
            chunk.release();
            if (end || dropped > MAX_BYTES) {
                finish();
            }
        }
    }

    private synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (timer != null) {
            timer.cancel();
        }
        done.succeeded();
    }
}

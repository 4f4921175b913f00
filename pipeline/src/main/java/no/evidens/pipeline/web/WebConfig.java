package no.evidens.pipeline.web;

import java.time.Duration;

/**
 * How the workspace's HTTP server runs, in one place: port, upload limit, threads, timeouts. It always
 * binds to the loopback address (127.0.0.1); that is not configurable.
 *
 * @param port           the port, or 0 for any free one
 * @param maxUploadBytes the largest bundle upload
 * @param maxThreads     Jetty's pool, upper bound (acceptor and selector included)
 * @param minThreads     Jetty's pool, threads kept when idle
 * @param idleTimeout    how long a connection may stay silent (also mid-upload) before it is closed
 * @param acceptQueue    connections the OS may queue before they are accepted
 */
public record WebConfig(int port, long maxUploadBytes, int maxThreads, int minThreads, Duration idleTimeout, int acceptQueue) {
    /** Default largest upload. */
    public static final long DEFAULT_MAX_UPLOAD = 512L << 20;

    public WebConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, was " + port);
        }
        if (maxUploadBytes < 1 || minThreads < 1 || maxThreads < Math.max(minThreads, 4) || acceptQueue < 1
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("invalid web server settings: " + maxUploadBytes + " bytes, threads "
                    + minThreads + ".." + maxThreads + ", idle " + idleTimeout + ", queue " + acceptQueue);
        }
    }

    /** The settings for one person's workspace on this machine. */
    public static WebConfig defaults(int port, long maxUploadBytes) {
        return new WebConfig(port, maxUploadBytes, 32, 4, Duration.ofSeconds(30), 64);
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(newPort, maxUploadBytes, maxThreads, minThreads, idleTimeout, acceptQueue);
    }
}

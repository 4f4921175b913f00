package no.evidens.pipeline.web;

import java.time.Duration;

/**
 * How the workspace's HTTP server runs, in one place: port, upload limit, threads, timeouts and the
 * limits that keep slow or many clients from starving the others. Where it listens and who may sign
 * in is {@link Exposure}.
 *
 * @param port            the port, or 0 for any free one
 * @param maxUploadBytes  the largest bundle upload
 * @param maxThreads      Jetty's pool, upper bound (acceptor and selector included)
 * @param minThreads      Jetty's pool, threads kept when idle
 * @param idleTimeout     how long a connection may stay silent (also mid-request: the read timeout) before it is closed
 * @param acceptQueue     connections the OS may queue before they are accepted
 * @param maxConnections  open connections at most; past it Jetty stops accepting until one closes
 * @param maxBodyRequests requests that send a body (uploads, edits) being read at once; more get 503 at
 *                        once, so the rest of the pool stays free for searches and reading
 * @param minDataRate     bytes per second a request body must arrive at, at least (a trickling client is cut off)
 * @param searches        searcher-heavy requests (searches, documents, the overview, batch searches) run at once; the
 *                        others wait their turn in order of arrival, each holding its pool thread while it waits ({@link SearchAdmission})
 * @param searchWait      how long such a request may wait for its turn before it is answered 503
 * @param bodyShare       with sign-in, the bodies one member (or one address before sign-in) may send at once, at most
 *                        {@code maxBodyRequests}; past it 429 ({@link BodyShares})
 */
public record WebConfig(int port, long maxUploadBytes, int maxThreads, int minThreads, Duration idleTimeout, int acceptQueue,
                        int maxConnections, int maxBodyRequests, long minDataRate, int searches, Duration searchWait, int bodyShare) {
    /** How long a search waits for its turn by default: far beyond a busy minute's queue, short of a browser giving up. */
    public static final Duration DEFAULT_SEARCH_WAIT = Duration.ofSeconds(20);

    /** Default largest upload. */
    public static final long DEFAULT_MAX_UPLOAD = 512L << 20;

    public WebConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 and 65535, was " + port);
        }
        if (maxUploadBytes < 1 || minThreads < 1 || maxThreads < Math.max(minThreads, 4) || acceptQueue < 1
                || idleTimeout.isNegative() || idleTimeout.isZero() || maxConnections < 1 || maxBodyRequests < 1
                || maxBodyRequests > maxThreads - 3 || minDataRate < 0 || searches < 1 || searchWait.isNegative()
                || searchWait.isZero() || bodyShare < 1 || bodyShare > maxBodyRequests) {
            throw new IllegalArgumentException("invalid web server settings: " + maxUploadBytes + " bytes, threads "
                    + minThreads + ".." + maxThreads + ", idle " + idleTimeout + ", queue " + acceptQueue + ", connections "
                    + maxConnections + ", body requests " + maxBodyRequests + ", min rate " + minDataRate + ", searches " + searches
                    + ", search wait " + searchWait + ", body share " + bodyShare);
        }
    }

    public WebConfig(int port, long maxUploadBytes, int maxThreads, int minThreads, Duration idleTimeout, int acceptQueue) {
        this(port, maxUploadBytes, maxThreads, minThreads, idleTimeout, acceptQueue, 256, Math.max(1, maxThreads / 4), 512,
                Runtime.getRuntime().availableProcessors(), DEFAULT_SEARCH_WAIT,
                Math.min(BodyShares.PER_CLIENT, Math.max(1, maxThreads / 4)));
    }

    /**
     * The settings for a workspace: 32 threads, of which 8 may read request bodies, 30 s of silence, 512 B/s at least,
     * as many searches at once as the machine has processors, each waiting 20 s for its turn at most.
     */
    public static WebConfig defaults(int port, long maxUploadBytes) {
        return new WebConfig(port, maxUploadBytes, 32, 4, Duration.ofSeconds(30), 64);
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(newPort, maxUploadBytes, maxThreads, minThreads, idleTimeout, acceptQueue, maxConnections,
                maxBodyRequests, minDataRate, searches, searchWait, bodyShare);
    }

    /** These settings with other limits for slow clients (tests use short ones). */
    public WebConfig withClientLimits(Duration newIdleTimeout, int newMaxBodyRequests, long newMinDataRate) {
        return new WebConfig(port, maxUploadBytes, maxThreads, minThreads, newIdleTimeout, acceptQueue, maxConnections,
                newMaxBodyRequests, newMinDataRate, searches, searchWait, Math.min(bodyShare, newMaxBodyRequests));
    }

    /** These settings with another number of searches at once and another longest wait for a turn. */
    public WebConfig withSearches(int newSearches, Duration newSearchWait) {
        return new WebConfig(port, maxUploadBytes, maxThreads, minThreads, idleTimeout, acceptQueue, maxConnections,
                maxBodyRequests, minDataRate, newSearches, newSearchWait, bodyShare);
    }

    /** These settings with another share of the body slots per member (or address before sign-in). */
    public WebConfig withBodyShare(int newBodyShare) {
        return new WebConfig(port, maxUploadBytes, maxThreads, minThreads, idleTimeout, acceptQueue, maxConnections,
                maxBodyRequests, minDataRate, searches, searchWait, newBodyShare);
    }
}

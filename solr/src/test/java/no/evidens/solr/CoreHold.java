package no.evidens.solr;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

/**
 * A test cluster's way to make a core stuck while its node answers: a filter in front of Solr's own on every node of the
 * {@link TestCluster} (Solr's test runner puts extra filters before its dispatch filter) that holds each request to a held
 * core's {@code /select} (its own searches and the shard requests of a distributed one) until the core is let go, or 60 s
 * have passed; the node's health request and every other core pass. As a core whose searcher does not open, seen from
 * outside.
 */
public final class CoreHold implements Filter {
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();

    /** Holds the searches of {@code core} from now on. */
    static void hold(String core) {
        HELD.add(core);
    }

    /** Lets every held core go, and the requests waiting on them. */
    static void releaseAll() {
        HELD.clear();
        synchronized (LOCK) {
            LOCK.notifyAll();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request instanceof HttpServletRequest http ? http.getRequestURI() : "";
        long until = System.currentTimeMillis() + 60_000;
        while (held(path) && System.currentTimeMillis() < until) {
            synchronized (LOCK) {
                try {
                    LOCK.wait(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean held(String path) {
        for (String core : HELD) {
            if (path.endsWith("/" + core + "/select")) {
                return true;
            }
        }
        return false;
    }
}

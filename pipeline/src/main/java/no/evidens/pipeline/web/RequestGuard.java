package no.evidens.pipeline.web;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workspace's request checks, before any route: the Host must be this server (no DNS rebinding);
 * state-changing requests need the session's token in {@value WebServer#TOKEN_HEADER} and, when the
 * browser says where they come from (Origin, Sec-Fetch-Site), this server's own pages.
 */
final class RequestGuard {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> hosts;
    private final String url;

    RequestGuard(Exposure exposure, int port) {
        Set<String> h = new LinkedHashSet<>();
        if (exposure.publicUrl() != null) {
            String host = exposure.publicUrl().getHost().toLowerCase(Locale.ROOT);
            int p = exposure.publicUrl().getPort();
            h.add(p < 0 ? host : host + ":" + p);
            this.url = exposure.publicUrl().toString();
        } else if (exposure.wildcard()) {
            // Every interface and no public address: requests may name any of this machine's own addresses or names
            // (never another's, which is what DNS rebinding would bring), and the address printed is one of them.
            List<String> own = machineHosts();
            own.forEach(name -> h.add(name + ":" + port));
            String shown = own.stream().filter(a -> a.indexOf('.') > 0 && Character.isDigit(a.charAt(0))).findFirst().orElse("127.0.0.1");
            this.url = (exposure.tls() ? "https" : "http") + "://" + shown + ":" + port + "/";
        } else {
            this.url = (exposure.tls() ? "https" : "http") + "://" + hostForUrl(exposure) + ":" + port + "/";
        }
        h.add("127.0.0.1:" + port);
        h.add("localhost:" + port);
        h.add("[::1]:" + port);
        if (!exposure.wildcard() && !Exposure.loopback(exposure.host())) {
            h.add(exposure.host().toLowerCase(Locale.ROOT) + ":" + port);
        }
        this.hosts = Set.copyOf(h);
    }

    private static String hostForUrl(Exposure e) {
        return Exposure.loopback(e.host()) ? "127.0.0.1" : e.host();
    }

    /**
     * This machine's own addresses (not the loopback ones: those are always accepted), IPv6 ones in brackets, and its
     * names, lower case; the IPv4 addresses first.
     */
    static List<String> machineHosts() {
        List<String> v4 = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress()) {
                        continue;
                    }
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    if (a instanceof Inet4Address) {
                        v4.add(text);
                    } else {
                        other.add("[" + (scope < 0 ? text : text.substring(0, scope)) + "]");
                    }
                }
            }
        } catch (IOException e) {
            // no interfaces listed: the loopback names only
        }
        try {
            InetAddress self = InetAddress.getLocalHost();
            other.add(self.getHostName().toLowerCase(Locale.ROOT));
            other.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            // the machine's name does not resolve: its addresses still do
        }
        v4.addAll(other);
        return v4;
    }

    /** Whether a request naming this Host (name or address and port, as the header has it) is for this server. */
    boolean accepts(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The address people open. */
    String url() {
        return url;
    }

    static boolean stateChanging(Exchange x) {
        return STATE_CHANGING.contains(x.method());
    }

    /** Throws the refusal (421 or 403) when the request names another host or, changing state, comes from another site. */
    void check(Exchange x) {
        if (!accepts(x.header("Host"))) {
            throw new ApiError(421, "error.http.host", url);
        }
        if (!stateChanging(x)) {
            return;
        }
        String origin = x.header("Origin");
        if (origin != null && hosts.stream().noneMatch(h -> origin.equalsIgnoreCase("http://" + h) || origin.equalsIgnoreCase("https://" + h))) {
            throw new ApiError(403, "error.http.other-site");
        }
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiError(403, "error.http.other-site");
        }
    }

    /** Throws 403 unless a state-changing request carries this token. */
    void checkToken(Exchange x, String token) {
        if (!stateChanging(x)) {
            return;
        }
        String given = x.header(WebServer.TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(403, "error.http.token", WebServer.TOKEN_HEADER);
        }
    }
}

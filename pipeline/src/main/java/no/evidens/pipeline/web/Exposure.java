package no.evidens.pipeline.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Who can reach the workspace and how they prove who they are: the address it binds to, sign-in on or
 * off, TLS from a keystore, or a reverse proxy in front. The default is one person on this machine:
 * 127.0.0.1, no sign-in. Binding to any other address, or serving behind a reverse proxy, needs sign-in.
 *
 * @param host        the address to bind to (127.0.0.1 by default; 0.0.0.0 for every interface)
 * @param signIn      accounts and sessions on (else the single-user mode: the local user is lead of every case)
 * @param tlsKeystore a PKCS#12 or JKS keystore with the server's certificate, or null for plain HTTP
 * @param tlsPassword the keystore's password (from the environment, never an argument)
 * @param publicUrl   the address people open (e.g. https://evidens.kommune.no/), when it is not this host
 *                    and port: behind a reverse proxy, or on a name; requests must name its host
 * @param behindProxy trust the proxy's Forwarded / X-Forwarded-* headers (scheme, client address)
 * @param oidc        sign-in through the organisation's OpenID Connect provider too, or null
 */
public record Exposure(String host, boolean signIn, Path tlsKeystore, String tlsPassword, URI publicUrl, boolean behindProxy,
                       Oidc oidc) {
    /**
     * An OpenID Connect provider (Entra ID, ID-porten, Keycloak …) and this workspace's registration there.
     *
     * @param issuer the provider's issuer URL (its discovery document is at issuer/.well-known/openid-configuration)
     * @param clientId this workspace's client id
     * @param clientSecret its secret (from the environment, never an argument)
     */
    public record Oidc(URI issuer, String clientId, String clientSecret) {
        public Oidc {
            if (issuer == null || clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("OpenID Connect needs the issuer, a client id and its secret (EVIDENS_OIDC_SECRET)");
            }
        }
    }

    public Exposure {
        if (host == null || host.isBlank()) {
            host = InetAddress.getLoopbackAddress().getHostAddress();
        }
        if (!loopback(host) && !signIn) {
            throw new IllegalArgumentException("the workspace binds to " + host + " only with sign-in on (add --sign-in): "
                    + "without it anyone who reaches the port reads every case");
        }
        if (behindProxy && !signIn) {
            // the proxy listens on the network and forwards to loopback: the same exposure as binding beyond it
            throw new IllegalArgumentException("the workspace runs behind a reverse proxy only with sign-in on (add --sign-in): "
                    + "the proxy brings the network to it, and without sign-in anyone who reaches the proxy reads every case");
        }
        if (oidc != null && !signIn) {
            throw new IllegalArgumentException("OpenID Connect is a way to sign in: add --sign-in");
        }
        if (tlsKeystore != null && tlsPassword == null) {
            throw new IllegalArgumentException("the keystore's password is missing: set EVIDENS_TLS_PASSWORD");
        }
        if (publicUrl != null && (publicUrl.getHost() == null
                || !("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme())))) {
            throw new IllegalArgumentException("the public address must be an http(s) URL with a host, was " + publicUrl);
        }
    }

    /** One person on this machine: 127.0.0.1, no sign-in. */
    public static Exposure local() {
        return new Exposure(null, false, null, null, null, false, null);
    }

    /** The same with sign-in on, still on 127.0.0.1 (tests, a trial run). */
    public static Exposure signedIn() {
        return new Exposure(null, true, null, null, null, false, null);
    }

    /** The same with OpenID Connect sign-in through this provider. */
    public Exposure withOidc(Oidc provider) {
        return new Exposure(host, signIn, tlsKeystore, tlsPassword, publicUrl, behindProxy, provider);
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    /**
     * What to warn of before serving, or null: sign-in on the network over plain http (no keystore, no proxy in front),
     * where passwords and session cookies cross the network unencrypted. Allowed (a trial on a closed network), not quiet.
     */
    public String warning() {
        if (loopback(host) || tls() || behindProxy) {
            return null;
        }
        return "sign-in on " + host + " over plain http: passwords and session cookies cross the network unencrypted; "
                + "serve with --tls-keystore, or behind a reverse proxy that terminates TLS (--behind-proxy)";
    }

    /**
     * Whether the host names (or is) the loopback interface only: what it resolves to, as the server binds it ({@code localhost}
     * too: a hosts file may send it to a network address).
     */
    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the host binds every interface (then requests are checked against the public address only). */
    boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}

package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS between the homes and the store server ({@code store serve --tls}, {@code store: ssl://host:port}).
 *
 * <p>How H2 2.x does TLS ({@code org.h2.security.CipherFactory}): the server's socket comes from
 * {@code SSLServerSocketFactory.getDefault()} and the client's from {@code SSLSocketFactory.getDefault()}, both the process's
 * default {@link SSLContext}; H2 takes no keystore or trust of its own. When {@code javax.net.ssl.keyStore} is not set, it
 * writes {@code ~/.h2.keystore} holding a key that every copy of H2 shares, and points the property at it. So this class
 * sets the process's default context: the store server's key (a keystore made on its first start), and a trust manager that
 * accepts, for a connection to a store server this process uses, only the certificate the home pins (its SHA-256
 * fingerprint), and leaves every other connection (a SolrCloud over https) to the JDK's own trust. And it sets
 * {@code javax.net.ssl.keyStore} (to the server's keystore, or {@code NONE} in a home) before H2 looks, so that H2 writes
 * no shared key. Process-wide by H2's design: said in the README.
 */
public final class StoreTls {
    /** The store server's key and certificate, in its folder, readable by its owner only. */
    public static final String KEYSTORE = StoreKeystore.KEYSTORE;
    /** The store server's certificate (public), to copy to each home. */
    public static final String CERTIFICATE = StoreKeystore.CERTIFICATE;
    /** The home's setting naming the certificate it trusts (a file), or its fingerprint ({@code sha256:AB:CD:...}). */
    public static final String TRUST_SETTING = StoreTrust.SETTING;
    private static final Logger LOG = LoggerFactory.getLogger(StoreTls.class);
    private static final String H2_KEYSTORE_PROPERTY = "javax.net.ssl.keyStore";

    /** A store server this process talks to over TLS, and the fingerprints of the certificates it accepts from it. */
    private record Pin(StoreServer server, Set<String> fingerprints) {
    }

    /** When the certificate each store server showed ends (the last full handshake's), for {@code /health}. */
    private static final Map<StoreServer, CertificateExpiry> SEEN = new ConcurrentHashMap<>();
    /** The servers whose certificate's coming end this process has warned of. */
    private static final Set<StoreServer> WARNED = ConcurrentHashMap.newKeySet();

    private static final List<Pin> PINS = new CopyOnWriteArrayList<>();
    private static KeyManager[] serverKeys;
    private static boolean installed;

    private StoreTls() {
    }

    /** A store server showed a certificate the home does not trust. */
    public static final class Untrusted extends CertificateException {
        private static final long serialVersionUID = 1L;

        Untrusted(String message) {
            super(message);
        }
    }

    /**
     * The store server's certificate as it starts: its fingerprint and when it ends.
     *
     * @param migrated whether its keystore was moved off the administrator's password at this start
     */
    record Served(String fingerprint, CertificateExpiry expiry, boolean migrated) {
    }

    /**
     * The store server's keystore in {@code dir} ({@link StoreKeystore}: made on the first start, with a password of its own),
     * its certificate written beside it, and the process's TLS context set to its key.
     *
     * @param adminPassword the administrator's, which opens a keystore made before the keystore had a password of its own
     * @throws IllegalStateException when the certificate has expired, naming the command that makes a new one
     */
    static Served serve(Path dir, String host, String adminPassword) {
        StoreKeystore.Opened ks = StoreKeystore.open(dir, host, adminPassword);
        X509Certificate cert = ks.certificate();
        CertificateExpiry expiry = CertificateExpiry.of(cert);
        if (expiry.expired(Instant.now())) {
            throw new IllegalStateException("the store server's certificate " + dir.resolve(CERTIFICATE) + " expired on " + expiry.date()
                    + ": make a new one with 'evidens store renew-cert --dir " + dir + "', then give it to each home ('evidens store"
                    + " trust --home HOME --cert " + CERTIFICATE + "')");
        }
        try {
            Files.writeString(dir.resolve(CERTIFICATE), pem(cert), StandardCharsets.US_ASCII);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks.keys(), ks.password());
            synchronized (StoreTls.class) {
                System.setProperty(H2_KEYSTORE_PROPERTY, dir.resolve(KEYSTORE).toString());
                serverKeys = kmf.getKeyManagers();
                install(true);
            }
            return new Served(fingerprint(cert), expiry, ks.migrated());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the store server's certificate in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the store server's certificate in " + dir.resolve(KEYSTORE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trusts, for connections to {@code server}, only the certificates with these fingerprints.
     *
     * @param trust the home's {@value #TRUST_SETTING} ({@link StoreTrust}); null for {@value #CERTIFICATE} in the home
     */
    static void pin(StoreServer server, Path home, String trust) {
        Set<String> fingerprints = StoreTrust.fingerprints(home, trust);
        synchronized (StoreTls.class) {
            Pin pin = new Pin(server, fingerprints);
            boolean changed = !PINS.contains(pin);
            if (changed) {
                PINS.removeIf(p -> p.server().equals(server));
                PINS.add(pin);
            }
            if (System.getProperty(H2_KEYSTORE_PROPERTY) == null) {
                // the JDK's word for no keystore file; keeps H2 from writing its shared key into ~/.h2.keystore
                System.setProperty(H2_KEYSTORE_PROPERTY, "NONE");
            }
            // a new context when the trust changed: a session resumed from the old one's cache would skip the check
            install(changed);
        }
    }

    /** The SHA-256 of a certificate's encoding, as {@code AB:CD:...} (what keytool -printcert shows). */
    static String fingerprint(X509Certificate cert) throws CertificateEncodingException {
        try {
            return colons(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static String colons(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** When the certificate {@code server} showed this process ends, if it was reached over TLS since the process started. */
    public static Optional<CertificateExpiry> seen(StoreServer server) {
        return Optional.ofNullable(SEEN.get(server));
    }

    /**
     * The check of a pinned certificate beyond its fingerprint: refused once expired (naming the command that makes a new
     * one), warned of once per process from {@value CertificateExpiry#WARN_DAYS} days before.
     */
    static void checkExpiry(StoreServer server, X509Certificate cert, Instant now) throws Untrusted {
        CertificateExpiry expiry = CertificateExpiry.of(cert);
        SEEN.put(server, expiry);
        if (expiry.expired(now)) {
            throw new Untrusted("the store server " + server + " showed its certificate, which expired on " + expiry.date() + ": its"
                    + " administrator makes a new one with '" + CertificateExpiry.RENEW + "', and each home then trusts it with"
                    + " 'evidens store trust --home HOME --cert " + CERTIFICATE + "'");
        }
        if (expiry.nearing(now) && WARNED.add(server)) {
            LOG.warn("the certificate of the store server {} ends on {} (in {} days): its administrator should make a new one with '{}'"
                    + " and give it to each home ('evidens store trust')", server, expiry.date(), expiry.daysLeft(now), CertificateExpiry.RENEW);
        }
    }

    static String pem(X509Certificate cert) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Sets the process's default TLS context: the server's key where it serves, the pins, the JDK's trust for the rest. */
    private static void install(boolean again) {
        if (installed && !again) {
            return;
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            X509TrustManager jdk = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    jdk = x;
                }
            }
            SSLContext real = SSLContext.getInstance("TLS");
            real.init(serverKeys, new TrustManager[] {new Pinning(jdk)}, null);
            SSLContext.setDefault(new TimedSslContext(real, StoreServer::networkTimeoutMs));
            installed = true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the store server: " + e.getMessage(), e);
        }
    }

    /** The pins for a connection to a store server; the JDK's trust for any other. */
    private static final class Pinning extends X509ExtendedTrustManager {
        private final X509TrustManager jdk;

        Pinning(X509TrustManager jdk) {
            this.jdk = jdk;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            Pin pin = socket == null ? null : pinFor(socket.getInetAddress(), socket.getPort());
            if (pin == null) {
                jdk.checkServerTrusted(chain, authType);
                return;
            }
            String shown = fingerprint(chain[0]);
            if (!pin.fingerprints().contains(shown)) {
                throw new Untrusted("the store server " + pin.server() + " showed a certificate this home does not trust (SHA-256 "
                        + shown + "): if its certificate was renewed, run 'evidens store trust --home HOME --cert " + CERTIFICATE
                        + "' with the new one; else check that it is the right server");
            }
            checkExpiry(pin.server(), chain[0], Instant.now());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            Pin pin = engine == null || engine.getPeerHost() == null ? null : pinFor(address(engine.getPeerHost()), engine.getPeerPort());
            if (pin != null && !pin.fingerprints().contains(fingerprint(chain[0]))) {
                throw new Untrusted("the store server " + pin.server() + " showed a certificate this home does not trust");
            }
            if (pin != null) {
                checkExpiry(pin.server(), chain[0], Instant.now());
            }
            if (pin == null) {
                jdk.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return jdk.getAcceptedIssuers();
        }

        private static Pin pinFor(InetAddress address, int port) {
            if (address == null) {
                return null;
            }
            for (Pin p : PINS) {
                if (p.server().port() == port && resolves(p.server().host(), address)) {
                    return p;
                }
            }
            return null;
        }

        private static boolean resolves(String host, InetAddress address) {
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    if (a.equals(address)) {
                        return true;
                    }
                }
                return false;
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static InetAddress address(String host) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}

package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

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
    public static final String KEYSTORE = "store-tls.p12";
    /** The store server's certificate (public), to copy to each home. */
    public static final String CERTIFICATE = "store-tls.crt";
    /** The home's setting naming the certificate it trusts (a file), or its fingerprint ({@code sha256:AB:CD:...}). */
    public static final String TRUST_SETTING = "store-trust";
    private static final String ALIAS = "evidens-store";
    private static final String H2_KEYSTORE_PROPERTY = "javax.net.ssl.keyStore";

    /** A store server this process talks to over TLS, and the fingerprint of the one certificate it accepts from it. */
    private record Pin(StoreServer server, String fingerprint) {
    }

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
     * The store server's keystore in {@code dir}: made on the first start (a self-signed certificate, by the JDK's
     * {@code keytool}: Java has no public API to make a certificate), owner-only; and its certificate written beside it.
     *
     * @param password the keystore's password (the administrator's, which stays on the server's machine)
     * @return the certificate's SHA-256 fingerprint
     */
    static String serve(Path dir, String host, String password) {
        Path keystore = dir.resolve(KEYSTORE);
        try {
            if (!Files.exists(keystore)) {
                make(dir, keystore, host, password);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password.toCharArray());
            } catch (IOException e) {
                throw new IllegalStateException("cannot open " + keystore + " with the administrator's password (" + StorePassword.ADMIN_ENV
                        + " or " + StorePassword.ADMIN_FILE + "): it was made with another; move it away to make a new one", e);
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
            if (cert == null) {
                throw new IllegalStateException(keystore + " holds no key named " + ALIAS + ": move it away to make a new one");
            }
            Files.writeString(dir.resolve(CERTIFICATE), pem(cert), StandardCharsets.US_ASCII);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            synchronized (StoreTls.class) {
                System.setProperty(H2_KEYSTORE_PROPERTY, keystore.toString());
                serverKeys = kmf.getKeyManagers();
                install(true);
            }
            return fingerprint(cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the store server's certificate in " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the store server's certificate in " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** Makes the keystore in a folder only the owner may enter, then moves it in place: nobody reads it half made. */
    private static void make(Path dir, Path keystore, String host, String password) throws IOException {
        Path work = Files.createTempDirectory(dir, ".tls-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path made = work.resolve(KEYSTORE);
        String san = "dns:localhost,ip:127.0.0.1" + (host.isBlank() || host.equals("127.0.0.1") || host.equals("localhost") ? ""
                : (host.matches("[0-9.]+") || host.contains(":") ? ",ip:" : ",dns:") + host);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-dname", "CN=Evidens store server",
                "-ext", "SAN=" + san, "-keystore", made.toString(), "-storetype", "PKCS12", "-storepass:env", "EVIDENS_KEYTOOL_PASS")
                .redirectErrorStream(true);
        // the password through the environment of keytool alone, never on its command line
        pb.environment().put("EVIDENS_KEYTOOL_PASS", password);
        try {
            Process p = pb.start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the store server's certificate: " + said);
            }
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-------"));
            Files.move(made, keystore, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the store server's certificate", e);
        } finally {
            Files.deleteIfExists(made);
            Files.deleteIfExists(work);
        }
    }

    /**
     * Trusts, for connections to {@code server}, only the certificate with this fingerprint.
     *
     * @param trust the home's {@value #TRUST_SETTING}: a certificate file (relative to the home) or {@code sha256:...}; null
     *              for {@value #CERTIFICATE} in the home
     */
    static void pin(StoreServer server, Path home, String trust) {
        String fingerprint = trusted(home, trust);
        synchronized (StoreTls.class) {
            Pin pin = new Pin(server, fingerprint);
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

    /** The fingerprint a home trusts: of the file its setting names (or {@value #CERTIFICATE}), or the setting itself. */
    static String trusted(Path home, String trust) {
        String t = trust == null ? "" : trust.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            String hex = t.substring("sha256:".length()).replace(":", "").toUpperCase(Locale.ROOT);
            if (!hex.matches("[0-9A-F]{64}")) {
                throw new IllegalArgumentException(TRUST_SETTING + ": '" + t + "' is no SHA-256 fingerprint (64 hex digits, as 'evidens"
                        + " store serve --tls' prints it)");
            }
            return colons(hex);
        }
        Path file = home.resolve(t.isEmpty() ? CERTIFICATE : t);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("this home reaches its store server by ssl://, but trusts no certificate for it: copy the"
                    + " server's " + CERTIFICATE + " to " + file + (t.isEmpty() ? " (or name it with a '" + TRUST_SETTING + ":' line)" : ""));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fingerprint((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(file + " holds no certificate this home can read: " + e.getMessage(), e);
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

    private static String pem(X509Certificate cert) throws CertificateEncodingException {
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
            SSLContext.setDefault(new TimedSslContext(real, StoreServer.NETWORK_TIMEOUT_MS));
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
            if (!shown.equals(pin.fingerprint())) {
                throw new Untrusted("the store server " + pin.server() + " showed a certificate this home does not trust (SHA-256 "
                        + shown + "): copy the server's " + CERTIFICATE + " to the home again, or check that it is the right server");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            Pin pin = engine == null || engine.getPeerHost() == null ? null : pinFor(address(engine.getPeerHost()), engine.getPeerPort());
            if (pin != null && !fingerprint(chain[0]).equals(pin.fingerprint())) {
                throw new Untrusted("the store server " + pin.server() + " showed a certificate this home does not trust");
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

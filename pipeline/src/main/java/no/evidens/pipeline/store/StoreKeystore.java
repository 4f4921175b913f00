package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The store server's key and certificate in its folder ({@value #KEYSTORE}, owner-only) and the keystore's own password
 * ({@value #PASSWORD_FILE}, owner-only): made at the first start with {@code --tls}, made anew by {@code store renew-cert}.
 *
 * <p>The keystore has a password of its own, not the administrator's, so that changing the administrator's password does not
 * leave the server unable to open its key. A keystore made before (round 51, with the administrator's password) is opened
 * once with that and written again under a password of its own. The password guards nothing the file's owner-only rights do
 * not (PKCS12 wants one).
 */
public final class StoreKeystore {
    static final String KEYSTORE = "store-tls.p12";
    static final String CERTIFICATE = "store-tls.crt";
    public static final String PASSWORD_FILE = "store-tls.password";
    static final String ALIAS = "evidens-store";
    /** How long a new certificate is valid, in days (ten years): the pin, not a CA, is what the homes check. */
    static final int DAYS = 3650;
    private static final String DEFAULT_SAN = "dns:localhost,ip:127.0.0.1";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private StoreKeystore() {
    }

    /** The key opened, its password, its certificate; {@code migrated} when it was moved off the administrator's password now. */
    record Opened(KeyStore keys, char[] password, X509Certificate certificate, boolean migrated) {
    }

    /**
     * A new certificate made by {@link #renew}.
     *
     * @param kept the previous keystore, kept under a dated name (null when there was none)
     * @param running whether the server's databases were open (the server running): it shows the old certificate until restarted
     */
    public record Renewed(X509Certificate certificate, String fingerprint, Path kept, String previousFingerprint, boolean running) {
        public CertificateExpiry expiry() {
            return CertificateExpiry.of(certificate);
        }
    }

    /**
     * Opens the keystore in {@code dir}, made (with its own password) when missing; one made with the administrator's password
     * is written again under a password of its own.
     */
    static Opened open(Path dir, String host, String adminPassword) {
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(keystore)) {
                String password = Files.exists(passwordFile) ? StorePassword.read(passwordFile) : StorePassword.generate(passwordFile);
                make(dir, keystore, san(host), password, DAYS, null);
                return made(keystore, password);
            }
            if (Files.exists(passwordFile)) {
                String own = StorePassword.read(passwordFile);
                try {
                    return load(keystore, own);
                } catch (WrongPassword e) {
                    // a move off the administrator's password that stopped between its two steps: the keystore is still the old one
                }
            }
            Opened old;
            try {
                old = load(keystore, adminPassword);
            } catch (WrongPassword e) {
                throw new IllegalStateException("cannot open " + keystore + " with its password (" + passwordFile + ") nor with the"
                        + " administrator's: make a new certificate with 'evidens store renew-cert --dir " + dir + "' and give it to"
                        + " each home ('evidens store trust')", e);
            }
            return migrate(dir, old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the store server's certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@link #renew(Path, int, String)} valid from now. */
    public static Renewed renew(Path dir, int days) {
        return renew(dir, days, null);
    }

    /**
     * Makes a new key and certificate in {@code dir} (with the names of the one there, else this machine's), keeps the old
     * keystore and its password under a dated name, owner-only.
     *
     * @param startDate keytool's {@code -startdate} (a test's: {@code -1d}), or null for now
     */
    static Renewed renew(Path dir, int days, String startDate) {
        if (days < 1 || days > DAYS) {
            throw new IllegalArgumentException("--days must be 1 to " + DAYS + ", was " + days);
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path keystore = abs.resolve(KEYSTORE);
        if (!Files.isDirectory(abs)) {
            throw new IllegalArgumentException("there is no store server's folder " + abs + ": give the folder 'evidens store serve --dir'"
                    + " was given");
        }
        if (!Files.exists(keystore) && !Files.exists(abs.resolve(StoreServer.FINDINGS + ".mv.db"))) {
            throw new IllegalArgumentException(abs + " is not a store server's folder (no " + KEYSTORE + ", no databases): give the"
                    + " folder 'evidens store serve --dir' was given");
        }
        try {
            X509Certificate previous = previous(abs.resolve(CERTIFICATE));
            Path work = Files.createTempDirectory(abs, ".tls-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try {
                String password = StorePassword.generate(work.resolve(PASSWORD_FILE));
                make(work, work.resolve(KEYSTORE), previous == null ? DEFAULT_SAN : san(previous), password, days, startDate);
                Opened made = made(work.resolve(KEYSTORE), password);
                Path kept = null;
                if (Files.exists(keystore)) {
                    String stamp = STAMP.format(Instant.now());
                    kept = abs.resolve("store-tls-" + stamp + ".p12");
                    Files.move(keystore, kept, StandardCopyOption.ATOMIC_MOVE);
                    ownerOnly(kept);
                    if (Files.exists(abs.resolve(PASSWORD_FILE))) {
                        Files.move(abs.resolve(PASSWORD_FILE), abs.resolve("store-tls-" + stamp + ".password"), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                // the password first: a stop between the two leaves the new password beside no keystore, and the next start
                // makes one with it
                Files.move(work.resolve(PASSWORD_FILE), abs.resolve(PASSWORD_FILE), StandardCopyOption.ATOMIC_MOVE);
                Files.move(work.resolve(KEYSTORE), keystore, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(abs.resolve(CERTIFICATE), StoreTls.pem(made.certificate()), StandardCharsets.US_ASCII);
                return new Renewed(made.certificate(), StoreTls.fingerprint(made.certificate()), kept,
                        previous == null ? null : StoreTls.fingerprint(previous), running(abs));
            } finally {
                Files.deleteIfExists(work.resolve(PASSWORD_FILE));
                Files.deleteIfExists(work.resolve(KEYSTORE));
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the store server's new certificate in " + abs + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot read the store server's certificate in " + abs + ": " + e.getMessage(), e);
        }
    }

    /** The certificate being replaced, or null when there is none readable (a renewal is what mends that). */
    private static X509Certificate previous(Path file) throws IOException {
        try {
            return Files.isRegularFile(file) ? StoreTrust.certificate(file) : null;
        } catch (CertificateException e) {
            return null;
        }
    }

    /**
     * Whether a store server serves {@code dir} now: the process its start wrote into {@link StoreServe#RUNNING} is alive. (H2
     * closes the databases when their last connection closes, so a lock on their files says nothing of an idle server.)
     */
    static boolean running(Path dir) {
        try {
            String pid = Files.readString(dir.resolve(StoreServe.RUNNING), StandardCharsets.US_ASCII).strip();
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false; // none written (stopped), or a file not of ours
        }
    }

    private static final class WrongPassword extends Exception {
        private static final long serialVersionUID = 1L;

        WrongPassword(Throwable cause) {
            super(cause);
        }
    }

    /** A keystore just made with this password. */
    private static Opened made(Path keystore, String password) throws IOException {
        try {
            return load(keystore, password);
        } catch (WrongPassword e) {
            throw new IllegalStateException("keytool made " + keystore + " with another password than it was given", e);
        }
    }

    private static Opened load(Path keystore, String password) throws IOException, WrongPassword {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password.toCharArray());
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                    throw new WrongPassword(e);
                }
                throw e;
            }
            if (!(ks.getCertificate(ALIAS) instanceof X509Certificate cert)) {
                throw new IllegalStateException(keystore + " holds no key named " + ALIAS + ": make a new certificate with 'evidens store"
                        + " renew-cert --dir " + keystore.getParent() + "'");
            }
            return new Opened(ks, password.toCharArray(), cert, false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the store server's certificate in " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** The keystore written again under a password of its own, in {@value #PASSWORD_FILE}; the key and certificate unchanged. */
    private static Opened migrate(Path dir, Opened old) throws IOException {
        Path work = Files.createTempDirectory(dir, ".tls-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            String password = StorePassword.generate(work.resolve(PASSWORD_FILE));
            Key key = old.keys().getKey(ALIAS, old.password());
            Certificate[] chain = old.keys().getCertificateChain(ALIAS);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password.toCharArray(), chain);
            try (OutputStream out = Files.newOutputStream(work.resolve(KEYSTORE))) {
                ks.store(out, password.toCharArray());
            }
            ownerOnly(work.resolve(KEYSTORE));
            // the password first: a stop between the two leaves the old keystore, which the next start opens with the
            // administrator's password again
            Files.move(work.resolve(PASSWORD_FILE), dir.resolve(PASSWORD_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(work.resolve(KEYSTORE), dir.resolve(KEYSTORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Opened(ks, password.toCharArray(), old.certificate(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot give " + dir.resolve(KEYSTORE) + " a password of its own: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(work.resolve(PASSWORD_FILE));
            Files.deleteIfExists(work.resolve(KEYSTORE));
            Files.deleteIfExists(work);
        }
    }

    /**
     * Makes a keystore by the JDK's {@code keytool} (Java has no public API to make a certificate): a self-signed EC P-256
     * certificate, in a folder only the owner may enter, then moved in place, so nobody reads it half made.
     */
    static void make(Path dir, Path keystore, String san, String password, int days, String startDate) throws IOException {
        Path work = Files.createTempDirectory(dir, ".tls-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path made = work.resolve(KEYSTORE);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", String.valueOf(days), "-dname",
                "CN=Evidens store server", "-ext", "SAN=" + san, "-keystore", made.toString(), "-storetype", "PKCS12", "-storepass:env",
                "EVIDENS_KEYTOOL_PASS"));
        if (startDate != null) {
            cmd.addAll(List.of("-startdate", startDate));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the password through the environment of keytool alone, never on its command line
        pb.environment().put("EVIDENS_KEYTOOL_PASS", password);
        try {
            Process p = pb.start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the store server's certificate: " + said);
            }
            ownerOnly(made);
            Files.move(made, keystore, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the store server's certificate", e);
        } finally {
            Files.deleteIfExists(made);
            Files.deleteIfExists(work);
        }
    }

    /** The names a first certificate is made for: this machine, and the address the server listens on. */
    static String san(String host) {
        return DEFAULT_SAN + (host == null || host.isBlank() || host.equals("127.0.0.1") || host.equals("localhost") ? ""
                : (host.matches("[0-9.]+") || host.contains(":") ? ",ip:" : ",dns:") + host);
    }

    /** The names of the certificate being replaced, so that the new one is made for the same addresses. */
    private static String san(X509Certificate previous) {
        try {
            Collection<List<?>> names = previous.getSubjectAlternativeNames();
            List<String> out = new ArrayList<>();
            for (List<?> n : names == null ? List.<List<?>>of() : names) {
                int type = (Integer) n.get(0);
                if (type == 2) {
                    out.add("dns:" + n.get(1));
                } else if (type == 7) {
                    out.add("ip:" + n.get(1));
                }
            }
            return out.isEmpty() ? DEFAULT_SAN : String.join(",", out);
        } catch (java.security.cert.CertificateParsingException e) {
            return DEFAULT_SAN;
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}

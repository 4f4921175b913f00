package no.evidens.pipeline.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import no.evidens.pipeline.EvidensHome;

/**
 * Which certificate a home trusts for its store server: its {@value #SETTING} line in {@code evidens.properties} (a
 * certificate file, relative to the home or not, or a fingerprint {@code sha256:AB:CD:…}; several, separated by commas, while
 * the server's certificate is being changed), else {@value StoreKeystore#CERTIFICATE} in the home. And {@code store trust},
 * which makes a home trust a new certificate.
 *
 * <p>Why a home may trust two for a while: {@code store renew-cert} can run while the server serves (it shows the old
 * certificate until its restart), so each home can take the new one beforehand with {@code --keep-old} and goes on working
 * across the restart; running {@code store trust} again without it ends the old one's trust. Without this, every home is
 * refused from the restart until its administrator has copied the new certificate to it.
 */
public final class StoreTrust {
    /** The home's setting naming what it trusts. */
    public static final String SETTING = "store-trust";
    private static final Pattern LINE = Pattern.compile("\\s*" + Pattern.quote(SETTING) + "\\s*[:=\\s]");

    private StoreTrust() {
    }

    /**
     * A certificate file the home's line names.
     *
     * @param named as the line names it
     * @param path where it is
     * @param inHome whether it is inside the home (a copy of the home carries it at the same place)
     */
    public record TrustFile(String named, Path path, boolean inHome) {
    }

    /** What {@link #take} did: the certificate now trusted, and the fingerprints still trusted beside it. */
    public record Taken(String fingerprint, CertificateExpiry expiry, Path copiedTo, List<String> keptOld) {
    }

    /** The line's entries; {@value StoreKeystore#CERTIFICATE} when there is none. */
    static List<String> entries(String line) {
        List<String> out = new ArrayList<>();
        for (String e : (line == null ? "" : line).split(",")) {
            if (!e.isBlank()) {
                out.add(e.strip());
            }
        }
        return out.isEmpty() ? List.of(StoreKeystore.CERTIFICATE) : out;
    }

    private static boolean isFingerprint(String entry) {
        return entry.toLowerCase(Locale.ROOT).startsWith("sha256:");
    }

    /** A fingerprint as written ({@code sha256:ab:cd…} or without colons), as {@code AB:CD:…}. */
    static String fingerprint(String entry) {
        String hex = entry.strip().substring("sha256:".length()).replace(":", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException(SETTING + ": '" + entry.strip() + "' is no SHA-256 fingerprint (64 hex digits, as 'evidens"
                    + " store serve --tls' prints it)");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** The fingerprints a home trusts, in the line's order. */
    static Set<String> fingerprints(Path home, String line) {
        Set<String> out = new LinkedHashSet<>();
        boolean named = line != null && !line.isBlank();
        for (String e : entries(line)) {
            if (isFingerprint(e)) {
                out.add(fingerprint(e));
                continue;
            }
            Path file = home.resolve(e);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("this home reaches its store server by ssl://, but trusts no certificate for it: copy the"
                        + " server's " + StoreKeystore.CERTIFICATE + " to " + file + (named ? "" : " (or name it with a '" + SETTING
                        + ":' line)") + ", or run 'evidens store trust --cert FILE'");
            }
            try {
                out.add(StoreTls.fingerprint(certificate(file)));
            } catch (IOException | CertificateException e2) {
                throw new IllegalStateException(file + " holds no certificate this home can read: " + e2.getMessage(), e2);
            }
        }
        return out;
    }

    /** The certificate files the home's line names (none when it pins fingerprints only). */
    public static List<TrustFile> files(EvidensHome home) {
        List<TrustFile> out = new ArrayList<>();
        for (String e : entries(HomeStores.settings(home).getProperty(SETTING))) {
            if (!isFingerprint(e)) {
                Path p = Path.of(e).normalize();
                boolean inHome = !p.isAbsolute() && !p.startsWith("..");
                out.add(new TrustFile(e, home.root().resolve(p).normalize(), inHome));
            }
        }
        return out;
    }

    /**
     * Reads a certificate file (PEM or DER); refused when it holds a private key or is not a certificate (a keystore, a
     * password file), naming what to give instead.
     */
    static X509Certificate certificate(Path file) throws IOException, CertificateException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY") || name.endsWith(".p12") || name.endsWith(".pfx")
                || name.endsWith(".jks")) {
            throw new CertificateException(file + " holds a private key (it is a keystore, or has the key beside the certificate):"
                    + " give the store server's " + StoreKeystore.CERTIFICATE + " alone, and keep its key on the server");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new CertificateException(file + " is not a certificate (neither a PEM 'BEGIN CERTIFICATE' block nor DER): give the"
                    + " store server's " + StoreKeystore.CERTIFICATE, e);
        }
    }

    /**
     * Makes the home trust the certificate in {@code cert} (copied to {@value StoreKeystore#CERTIFICATE} in the home) or the
     * fingerprint {@code fingerprint}, and no other, or also those it trusted before when {@code keepOld}.
     *
     * @throws IllegalArgumentException for a file that is not a certificate, or an expired one
     */
    public static Taken take(EvidensHome home, Path cert, String fingerprint, boolean keepOld) {
        if ((cert == null) == (fingerprint == null)) {
            throw new IllegalArgumentException("give the store server's certificate (--cert FILE) or its fingerprint (--fingerprint"
                    + " sha256:…), one of them");
        }
        String line = HomeStores.settings(home).getProperty(SETTING);
        List<String> old = new ArrayList<>();
        if (keepOld) {
            try {
                old.addAll(fingerprints(home.root(), line));
            } catch (RuntimeException e) {
                // the home trusted nothing readable before: nothing to keep
            }
        }
        try {
            String now;
            CertificateExpiry expiry = null;
            Path copiedTo = null;
            List<String> written = new ArrayList<>();
            if (cert != null) {
                if (!Files.isRegularFile(cert)) {
                    throw new IllegalArgumentException("there is no file " + cert + ": copy the store server's " + StoreKeystore.CERTIFICATE
                            + " here first");
                }
                X509Certificate c;
                try {
                    c = certificate(cert);
                } catch (CertificateException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                expiry = CertificateExpiry.of(c);
                if (expiry.expired(Instant.now())) {
                    throw new IllegalArgumentException("the certificate in " + cert + " expired on " + expiry.date() + ": the store"
                            + " server's administrator makes a new one with '" + CertificateExpiry.RENEW + "'");
                }
                now = StoreTls.fingerprint(c);
                copiedTo = home.root().resolve(StoreKeystore.CERTIFICATE);
                Files.createDirectories(home.root());
                Files.writeString(copiedTo, StoreTls.pem(c), StandardCharsets.US_ASCII);
                written.add(StoreKeystore.CERTIFICATE);
            } else {
                now = fingerprint(fingerprint.toLowerCase(Locale.ROOT).startsWith("sha256:") ? fingerprint : "sha256:" + fingerprint);
                written.add("sha256:" + now);
            }
            old.remove(now);
            old.forEach(f -> written.add("sha256:" + f));
            setLine(home.root(), written.equals(List.of(StoreKeystore.CERTIFICATE)) ? null : String.join(", ", written));
            return new Taken(now, expiry, copiedTo, List.copyOf(old));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust into " + home.root() + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Names {@code now} instead of {@code before} in the home's line (a restored home's copy of a file outside it). */
    public static void rename(Path homeRoot, String before, String now) {
        String line = HomeStores.settings(new EvidensHome(homeRoot)).getProperty(SETTING);
        List<String> entries = new ArrayList<>(entries(line));
        entries.replaceAll(e -> e.equals(before) ? now : e);
        setLine(homeRoot, String.join(", ", entries));
    }

    /** Writes the home's {@value #SETTING} line (in place of the one there, else at the end); null takes it away. */
    static void setLine(Path homeRoot, String value) {
        Path file = homeRoot.resolve(HomeStores.SETTINGS);
        if (value == null && !Files.isRegularFile(file)) {
            return;
        }
        try {
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            List<String> out = new ArrayList<>();
            boolean written = false;
            for (String l : lines) {
                if (LINE.matcher(l).lookingAt()) {
                    if (value != null && !written) {
                        out.add(SETTING + ": " + value);
                    }
                    written = true;
                } else {
                    out.add(l);
                }
            }
            if (!written && value != null) {
                out.add(SETTING + ": " + value);
            }
            Files.write(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the settings " + file + ": " + e.getMessage(), e);
        }
    }
}

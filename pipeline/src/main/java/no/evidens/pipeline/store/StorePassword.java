package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The store server's password: the one secret between it and the homes that use it. Given by {@value #ENV}, else read from a
 * file that only its owner may read: {@value #FILE} in the server's folder (written with a random password at its first
 * start), and for a home the file a {@value #FILE_SETTING} line names, else {@value #FILE} in the home. Never in the settings
 * file itself, which others may read.
 */
public final class StorePassword {
    /** The environment variable that gives the password (the server's and the homes' alike). */
    public static final String ENV = "EVIDENS_STORE_PASSWORD";
    /** The file that holds it, in the server's folder and (by default) in the home. */
    public static final String FILE = "store.password";
    /** The home's setting that names another file. */
    public static final String FILE_SETTING = "store-password-file";
    /** The environment variable that gives the administrator's password (the server's, and a home's for a backup or a move). */
    public static final String ADMIN_ENV = "EVIDENS_STORE_ADMIN_PASSWORD";
    /** The file that holds the administrator's password: in the server's folder, and (only for a backup or a move) in the home. */
    public static final String ADMIN_FILE = "store-admin.password";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private StorePassword() {
    }

    /** The homes' password: {@value #ENV}, else {@value #FILE} in {@code dir}, made with a random password when missing. */
    public static String forServer(Map<String, String> env, Path dir) {
        return ofServer(env.get(ENV), dir.resolve(FILE));
    }

    /**
     * The administrator's password, which stays on the server's machine: {@value #ADMIN_ENV}, else {@value #ADMIN_FILE} in
     * {@code dir}, made with a random password when missing.
     */
    public static String adminForServer(Map<String, String> env, Path dir) {
        return ofServer(env.get(ADMIN_ENV), dir.resolve(ADMIN_FILE));
    }

    /**
     * The administrator's password where a home copies the server's databases as SQL (a backup, a move onto the server):
     * {@value #ADMIN_ENV}, else {@value #ADMIN_FILE} in the home.
     *
     * @param what what needs it, for the message when there is none
     */
    public static String adminForHome(Map<String, String> env, Path home, String what) {
        String given = env.get(ADMIN_ENV);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = home.resolve(ADMIN_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " needs the store server's administrator password, which the homes' own "
                    + "password does not give: set " + ADMIN_ENV + ", or copy the server's " + ADMIN_FILE + " to " + file
                    + " (chmod 600) for the time it takes");
        }
        return read(file);
    }

    private static String ofServer(String given, Path file) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (!Files.exists(file)) {
            try {
                return generate(file);
            } catch (FileAlreadyExistsException raced) {
                // another start made it a moment ago: read that one
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the store server's password to " + file + ": " + e.getMessage(), e);
            }
        }
        return read(file);
    }

    /**
     * A home's password for its store server: {@value #ENV}, else the file its {@value #FILE_SETTING} names (relative to the
     * home), else {@value #FILE} in the home.
     *
     * @param fileSetting the {@value #FILE_SETTING} line's value, or null
     */
    public static String forHome(Map<String, String> env, String fileSetting, Path home) {
        String given = env.get(ENV);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = fileSetting == null || fileSetting.isBlank() ? home.resolve(FILE) : home.resolve(fileSetting.strip());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("this home's store is on a store server, but there is no password for it: set " + ENV
                    + ", or copy the server's " + FILE + " to " + file + " (readable by you only: chmod 600)");
        }
        return read(file);
    }

    /**
     * The password in a file: its first line. Refused when others than its owner may read it (where the file system says):
     * the password opens every finding, account and the audit trail.
     */
    static String read(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> p = posix.readAttributes().permissions();
                if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new IllegalStateException(file + " holds the store server's password but others may read it: chmod 600 " + file);
                }
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: it should hold the store server's password");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store server's password from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a random password (32 bytes, URL-safe Base64) to a new file that only its owner may read, and returns it. */
    static String generate(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        // made owner-only as it is created, so there is no moment in which others may read it
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }

    /**
     * What to say after a command that needed the administrator's password from {@value #ADMIN_FILE} in the home: that the
     * file is still there, to be taken away (it opens every home's data on the server, and a home is copied and backed up);
     * null when it is not there.
     */
    public static String adminFileLeft(Path home) {
        Path file = home.resolve(ADMIN_FILE);
        return Files.isRegularFile(file) ? "  the store server's administrator password is still in " + file
                + ": take it away now (rm " + file + "), it is needed only for a move or a backup" : null;
    }
}

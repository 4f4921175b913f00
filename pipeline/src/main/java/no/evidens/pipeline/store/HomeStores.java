package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;

import javax.sql.DataSource;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;

/**
 * Where a home's findings store and access database are: in the home's folders (the default), or on a store server named by
 * {@code --store} (the {@value #PROPERTY} system property) or a {@code store: tcp://host:port} line in the home's
 * {@code evidens.properties}, which several Evidens processes on several machines share. Every part of the program opens the
 * stores here, so that the rest of it is the same either way.
 *
 * @param server the store server, or null for the stores in the home
 */
public record HomeStores(EvidensHome home, StoreServer server) {
    /** The system property that {@code --store} sets for the run. */
    public static final String PROPERTY = "evidens.store";
    /** The home's settings file (shared with the index's {@code solr:} line). */
    public static final String SETTINGS = "evidens.properties";
    /** The setting that names the store server. */
    public static final String SETTING = "store";

    /** The home's stores: {@code --store}, else the home's setting, else its folders. */
    public static HomeStores of(EvidensHome home) {
        String address = System.getProperty(PROPERTY);
        Properties settings = settings(home);
        if (address == null || address.isBlank()) {
            address = settings.getProperty(SETTING);
        }
        return new HomeStores(home, address == null || address.isBlank() ? null : StoreServer.parse(address));
    }

    static Properties settings(EvidensHome home) {
        Path file = home.root().resolve(SETTINGS);
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            return p;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings " + file + ": " + e.getMessage(), e);
        }
        return p;
    }

    /**
     * Makes a home restored from a store server's backup use the stores restored into its folders: its {@code store:} line
     * (copied with the settings) is turned into a comment, which says how to put it back. Left as it was, the copy would read
     * the live server instead of what was restored, and a restore test ({@code verify}, {@code audit verify} of the new home)
     * would check the server, not the backup.
     *
     * @return whether a line was turned into a comment
     */
    public static boolean useRestoredFolders(Path homeRoot) {
        Path file = homeRoot.resolve(SETTINGS);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            java.util.List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            java.util.List<String> out = new java.util.ArrayList<>();
            boolean changed = false;
            for (String line : lines) {
                if (STORE_LINE.matcher(line).lookingAt()) {
                    out.add("# restored from a backup: the findings and accounts are in this home's folders. To put them onto an"
                            + " empty store server, take the '# ' from the next line and run 'evidens store move-to-server'.");
                    out.add("# " + line);
                    changed = true;
                } else {
                    out.add(line);
                }
            }
            if (changed) {
                Files.write(file, out, StandardCharsets.UTF_8);
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the settings " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code store} setting's line, in any of the ways a properties file writes a key ({@code store: …}, {@code store=…}). */
    private static final java.util.regex.Pattern STORE_LINE = java.util.regex.Pattern.compile("\\s*" + SETTING + "\\s*[:=\\s]");

    /** The findings store's folder in the home (used when the store is not on a server): {@code <home>/findings/}. */
    public Path findingsDir() {
        return home.root().resolve("findings");
    }

    public boolean onServer() {
        return server != null;
    }

    /** Whether there may be findings to read: a store server, or the store's folder in the home. */
    public boolean hasFindings() {
        return onServer() || Files.isDirectory(findingsDir());
    }

    /** Whether there may be accounts: a store server, or the access database's folder in the home. */
    public boolean hasAccess() {
        return onServer() || Files.isDirectory(home.access());
    }

    /**
     * Opens the findings store.
     *
     * @param wait how long to wait for the file another process holds, or for a server's schema being brought up to date
     * @throws StoreUnreachable when the store server does not answer or refuses the password
     */
    public FindingStore findings(Duration wait) {
        return findings(wait, true);
    }

    /**
     * @param pooled whether a connection of the process's pool may be taken ({@link StorePools}: while a web server runs, on
     *               a store server or in the home's folder); else the store has a connection of its own
     */
    private FindingStore findings(Duration wait, boolean pooled) {
        if (!onServer()) {
            // a web server's requests: the store kept open between them, unless a command waits for it
            FindingStore kept = pooled ? StorePools.keptInFolder(findingsDir(), wait, home.notes()) : null;
            if (kept != null) {
                return kept;
            }
            FindingStore store = FindingStore.open(findingsDir(), wait);
            // said once, by the process that upgraded the home's store (an older Evidens cannot open it from now on): on a
            // command line's stderr as its other notes, in a server's log
            store.upgrade().ifPresent(u -> home.notes().say(u.describe()));
            return store;
        }
        String password = password();
        trust();
        String url = server.url(StoreServer.FINDINGS);
        DataSource pool = pooled ? StorePools.pooled(url, StoreServer.USER, password) : null;
        try {
            return pool == null ? FindingStore.onServer(url, StoreServer.USER, password, wait)
                    : FindingStore.onServer(pool, server + "/" + StoreServer.FINDINGS, wait);
        } catch (IllegalStateException e) {
            throw said(StoreServer.FINDINGS, e);
        }
    }

    /** Opens the access database (accounts, sessions, roles per case). */
    public AccessStore access(Duration wait) {
        if (!onServer()) {
            // a web server's requests: the database kept open between them (its sessions and roles are read at nearly every
            // signed-in request), unless a command waits for it
            AccessStore kept = StorePools.keptAccess(home.access(), wait, home.notes());
            if (kept != null) {
                return kept;
            }
            AccessStore store = AccessStore.open(home.access(), wait);
            // said once, as the findings store's upgrade is
            store.upgrade().ifPresent(u -> home.notes().say(u.describe()));
            // a web server's request while the database is handed to a command, which may change it once this store closes:
            // what is read now is not to be trusted from memory afterwards
            return StorePools.serving() ? store.readOnce() : store;
        }
        String password = password();
        trust();
        String url = server.url(StoreServer.ACCESS);
        DataSource pool = StorePools.pooled(url, StoreServer.USER, password);
        try {
            return pool == null ? AccessStore.onServer(url, StoreServer.USER, password, wait)
                    : AccessStore.onServer(pool, server + "/" + StoreServer.ACCESS, wait);
        } catch (IllegalStateException e) {
            throw said(StoreServer.ACCESS, e);
        }
    }

    /** Opens the access database for each piece of work (the server's sessions and accounts). */
    public Supplier<AccessStore> accessOpener(Duration wait) {
        return () -> access(wait);
    }

    /**
     * Opens the findings store for the trail's writer, which keeps it: with a connection of its own, not one of the pool's,
     * which it would hold for the server's life.
     */
    public Supplier<FindingStore> findingsOpener(Duration wait) {
        return () -> findings(wait, false);
    }

    /**
     * A connection to one of the server's databases as its administrator (copying a store as SQL: H2 lets only an
     * administrator run {@code SCRIPT}, {@code DROP ALL OBJECTS} and a script's {@code CREATE TABLE}), its failures said as
     * opening a store's.
     *
     * @param what what needs it, for the message when the home has no administrator password
     */
    java.sql.Connection connectAsAdmin(String database, String what) {
        String admin = StorePassword.adminForHome(System.getenv(), home.root(), what);
        trust();
        try {
            return java.sql.DriverManager.getConnection(server.url(database), StoreServer.ADMIN_USER, admin);
        } catch (java.sql.SQLException e) {
            throw said(database, new IllegalStateException("cannot open " + database + " on " + server + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e));
        }
    }

    /** Writes one of the server's databases as SQL to {@code file} (a home's backup). */
    public void script(String database, Path file) {
        try (java.sql.Connection c = connectAsAdmin(database, "a backup of a home on a store server")) {
            StoreScripts.dump(c, file);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot copy " + database + " from " + server + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Plays a server's database copied as SQL into a new database in a folder (a restored home's). */
    public static void loadIntoFolder(Path script, String fileUrl, String user) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(fileUrl, user, "")) {
            StoreScripts.load(c, script);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot restore " + script.getFileName() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script + ": " + e.getMessage(), e);
        }
    }

    /** For a server reached by TLS: trusts the certificate the home names, and no other, for it. */
    private void trust() {
        if (server.tls()) {
            StoreTls.pin(server, home.root(), settings(home).getProperty(StoreTls.TRUST_SETTING));
        }
    }

    /** The homes' password for the server: read at each opening, so that a changed file counts at once. */
    String password() {
        return StorePassword.forHome(System.getenv(), settings(home).getProperty(StorePassword.FILE_SETTING), home.root());
    }

    private RuntimeException said(String database, IllegalStateException e) {
        StoreUnreachable u = StoreUnreachable.of(server, database, e);
        return u != null ? u : e;
    }
}

package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;

/**
 * Moves a home's findings store and access database from its folders onto its store server ({@code evidens store
 * move-to-server}): each copied as SQL ({@link StoreScripts}) into the server's empty database, ids and the audit trail's
 * hashes as they were, so the home's chain file still confirms every entry. The home's folders are kept, renamed
 * {@code *.moved}, so that nothing is read from them again by mistake and nothing is lost.
 */
public final class StoreMove {
    /** What was moved. */
    public record Moved(boolean findings, boolean accounts, String server) {
    }

    private StoreMove() {
    }

    /**
     * @throws IllegalStateException when the home names no store server, its stores are in use (a server of the home still
     *                               runs), or the server's databases already hold findings, a trail or accounts
     */
    public static Moved toServer(HomeStores stores, Duration wait) {
        if (!stores.onServer()) {
            throw new IllegalArgumentException("this home names no store server: put 'store: tcp://HOST:PORT' in "
                    + stores.home().root().resolve(HomeStores.SETTINGS) + " (or give --store) first");
        }
        Path findingsDir = stores.findingsDir();
        Path accessDir = stores.home().access();
        boolean findings = Files.isRegularFile(findingsDir.resolve(FindingStore.DB_NAME + ".mv.db"));
        boolean accounts = Files.isRegularFile(accessDir.resolve(AccessStore.DB_NAME + ".mv.db"));
        if (!findings && !accounts) {
            throw new IllegalArgumentException(stores.home().root() + " has no findings store or accounts in its folders: nothing to move");
        }
        if (findings) {
            // brought to the latest schema here, so the server's copy needs no migration
            FindingStore.open(findingsDir, wait).close();
            move(FindingStore.fileUrl(findingsDir), FindingStore.FILE_USER, stores, StoreServer.FINDINGS, findingsDir,
                    "finding", "audit_entry", "case_group", "saved_search");
        }
        if (accounts) {
            AccessStore.open(accessDir, wait).close();
            move(AccessStore.fileUrl(accessDir), AccessStore.FILE_USER, stores, StoreServer.ACCESS, accessDir, "account", "membership");
        }
        return new Moved(findings, accounts, stores.server().toString());
    }

    private static void move(String fromUrl, String fromUser, HomeStores stores, String database, Path dir, String... tables) {
        Path script = dir.resolveSibling(dir.getFileName() + ".sql.tmp");
        try {
            try (Connection from = DriverManager.getConnection(fromUrl, fromUser, "")) {
                StoreScripts.dump(from, script);
            }
            try (Connection to = stores.connectAsAdmin(database, "store move-to-server")) {
                if (StoreScripts.holdsRows(to, tables)) {
                    throw new IllegalStateException("the store server " + stores.server() + " already holds data in " + database
                            + ": move-to-server fills an empty store server only (nothing was changed)");
                }
                to.setAutoCommit(false);
                StoreScripts.clear(to);
                StoreScripts.load(to, script);
                to.commit();
                // H2 dropped the homes' user with everything else: give it back, with the homes' password
                StoreServe.grantHomes(to, stores.password());
            }
            Files.move(dir, dir.resolveSibling(dir.getFileName() + ".moved"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move " + dir + " to the store server " + stores.server() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + dir + " to the store server: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temporary copy left beside the store: the next move writes it anew
            }
        }
    }
}

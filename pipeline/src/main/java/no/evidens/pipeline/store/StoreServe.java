package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.h2.api.ErrorCode;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;

/**
 * The store server ({@code evidens store serve}): H2's own TCP server over a folder that holds the findings store and the
 * access database of every home that names it.
 *
 * <p>Why H2 in server mode rather than PostgreSQL: the stores' schema, their migrations and the trigger that keeps the
 * history and the audit trail append-only ({@code AppendOnlyTrigger}, a Java class H2 loads in the server's JVM: this
 * process has it on its class path) stay exactly what the embedded stores run, so one program serves both deployments and a
 * test runs the server in its own JVM. PostgreSQL would need a second dialect of every migration and the trigger in
 * PL/pgSQL.
 *
 * <p>What protects it: the homes' password (their user {@value StoreServer#USER}, which may read and write rows and nothing
 * more), generated at the first start into {@value StorePassword#FILE} readable by the owner only, or given by
 * {@value StorePassword#ENV}; the administrator's password ({@value StorePassword#ADMIN_FILE}, {@value StorePassword#ADMIN_ENV}),
 * which stays on this machine: H2 lets an administrator run code in the server's process, so the homes are none; H2 refuses
 * to create a database a client names (only the two made here exist); and it listens on the loopback address unless told to
 * bind beyond it, which it does only with TLS ({@link StoreTls}). Clients reach H2 only through a door of Evidens's own
 * ({@link StoreGate}: a time limit to sign in, bounds on what a client may send first, wrong passwords held back per address,
 * and a log of it), which hands each checked connection to H2's server in this process ({@link H2HandOff}: it has no port of
 * its own). Run it as a user of its own that can write
 * nothing but its folder all the same.
 */
public final class StoreServe implements AutoCloseable {
    /** How long the start waits for a database another process has open (the folder is the server's: nobody should). */
    private static final Duration MIGRATION_WAIT = Duration.ofSeconds(10);
    /** The file that says, while the server runs, which process it is ({@code store renew-cert} tells a running server so). */
    static final String RUNNING = "store-serve.pid";
    private final H2HandOff server;
    private final StoreGate gate;
    /** The server's own connection to each database, held while it runs: see {@link #hold}. */
    private final List<Connection> held;
    private final Path dir;
    private final StoreTls.Served certificate;

    private StoreServe(H2HandOff server, StoreGate gate, List<Connection> held, Path dir, StoreTls.Served certificate) {
        this.server = server;
        this.gate = gate;
        this.held = held;
        this.dir = dir;
        this.certificate = certificate;
    }

    /** A server without TLS, on the loopback address (a test's). */
    public static StoreServe start(Path dir, int port, String bind, String password, String adminPassword) {
        return start(dir, port, bind, password, adminPassword, false);
    }

    /**
     * Creates the two databases in {@code dir} when they are missing (their administrator {@value StoreServer#ADMIN_USER} with
     * {@code adminPassword}), brings their schema up to date, makes the homes' user {@value StoreServer#USER} with
     * {@code password} and only the rights to read and write rows, then starts H2's TCP server on them.
     *
     * @param bind the address to listen on: loopback unless another is named
     * @param tls    whether to speak TLS only ({@link StoreTls}); required when {@code bind} is not a loopback address
     * @throws IllegalStateException when the port is taken, or the databases were made with another password
     */
    public static StoreServe start(Path dir, int port, String bind, String password, String adminPassword, boolean tls) {
        return start(dir, port, bind, password, adminPassword, tls, StoreGate.SIGN_IN);
    }

    /** As above, with the time a client has to sign in ({@link StoreGate#SIGN_IN}; shorter in a test). */
    static StoreServe start(Path dir, int port, String bind, String password, String adminPassword, boolean tls, Duration signIn) {
        boolean loopback = loopback(bind);
        if (!loopback && !tls) {
            throw new IllegalArgumentException("--bind " + bind + " lets other machines connect, and findings, accounts and passwords"
                    + " would cross the network unencrypted: add --tls (a certificate is made in the server's folder at the first"
                    + " start), or keep the default 127.0.0.1 and reach it through a tunnel");
        }
        // H2 reads these once, as its first class loads: set before any. H2's server binds a socket of its own as it starts,
        // on the loopback address only, and H2HandOff closes it at once: the door (StoreGate) takes the connections on the
        // address asked for and hands them to H2. H2's delay after a wrong
        // password is one for the whole server, slept under a lock every sign-in takes: the door holds back the address
        // that sent it instead (SignInFailures). Where H2 was loaded already (a test's JVM), it keeps its delay.
        System.setProperty("h2.bindAddress", InetAddress.getLoopbackAddress().getHostAddress());
        System.setProperty("h2.delayWrongPasswordMin", "0");
        System.setProperty("h2.delayWrongPasswordMax", "0");
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
            // the databases hold quotations from journals and client records, H2's trace files the SQL of failed
            // statements: whatever the umask made of the folder, it is the server's owner's alone
            if (Files.getFileStore(abs).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(abs, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store server's folder " + abs + ": " + e.getMessage(), e);
        }
        for (String db : List.of(StoreServer.FINDINGS, StoreServer.ACCESS)) {
            prepare(abs, db, password, adminPassword);
        }
        List<Connection> held = new ArrayList<>();
        for (String db : List.of(StoreServer.FINDINGS, StoreServer.ACCESS)) {
            held.add(hold(abs, db, adminPassword));
        }
        StoreTls.Served certificate = tls ? StoreTls.serve(abs, bind, adminPassword) : null;
        // -tcpAllowOthers: H2 sees each client's own address (the door has let it in); it has no port a client could reach
        List<String> args = new ArrayList<>(List.of("-tcpPort", "0", "-tcpAllowOthers", "-baseDir", abs.toString(), "-ifExists",
                // the remote shutdown's own password: random, never told, so no client can stop the server
                "-tcpPassword", HexFormat.of().formatHex(new SecureRandom().generateSeed(16))));
        H2HandOff s;
        try {
            s = H2HandOff.start(args.toArray(String[]::new));
        } catch (SQLException e) {
            closeAll(held);
            throw new IllegalStateException("the store server's database server did not start (" + firstLine(e) + ")", e);
        } catch (IllegalStateException e) {
            closeAll(held);
            throw e;
        }
        try {
            StoreServe started = new StoreServe(s, StoreGate.open(bind, port, tls, s, signIn), held, abs, certificate);
            writeRunning(abs);
            return started;
        } catch (IOException | UncheckedIOException e) {
            s.close();
            closeAll(held);
            throw new IllegalStateException("the store server did not start on port " + port + " (" + e.getMessage()
                    + "): is the port in use? Choose another with --port", e);
        }
    }

    /**
     * Makes a database (or opens the one there with the administrator's password), brings its schema up to date as its
     * administrator, and gives the homes their user.
     */
    private static void prepare(Path dir, String db, String password, String adminPassword) {
        String url = "jdbc:h2:file:" + dir.resolve(db);
        try {
            if (db.equals(StoreServer.FINDINGS)) {
                FindingStore.onServer(url, StoreServer.ADMIN_USER, adminPassword, MIGRATION_WAIT).close();
            } else {
                AccessStore.onServer(url, StoreServer.ADMIN_USER, adminPassword, MIGRATION_WAIT).close();
            }
            try (Connection c = DriverManager.getConnection(url, StoreServer.ADMIN_USER, adminPassword)) {
                grantHomes(c, password);
            }
        } catch (SQLException | IllegalStateException e) {
            SQLException s = StoreUnreachable.sql(e);
            if (s != null && s.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("the database " + db + " in " + dir + " was made with another administrator password"
                        + " than " + StorePassword.ADMIN_ENV + " or " + dir.resolve(StorePassword.ADMIN_FILE) + " gives", e);
            }
            throw new IllegalStateException("cannot open the database " + db + " in " + dir + ": "
                    + (s != null ? firstLine(s) : e.getMessage()), e);
        }
    }

    /**
     * Opens a database for the server's life, so that it is open with the server's settings rather than those of whichever
     * client comes first (H2 takes a database's write delay from the connection that opens it), and is not closed and
     * opened again between one home's connection and the next. {@code WRITE_DELAY=0}: a commit is written to the file at
     * once, as the homes' own stores do ({@code FindingStore.fileUrl}); with H2's default (up to half a second, longer on a
     * busy machine) a server killed in between (kill -9, a power cut) lost findings whose saving the homes had already
     * confirmed (seen on the walk: ten findings, the last of them 5 s old).
     */
    private static Connection hold(Path dir, String db, String adminPassword) {
        try {
            return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(db) + ";WRITE_DELAY=0", StoreServer.ADMIN_USER, adminPassword);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database " + db + " in " + dir + ": " + firstLine(e), e);
        }
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at the end anyway
            }
        }
    }

    /**
     * The homes' user ({@value StoreServer#USER}) with this password, no administrator, allowed to read, add, change and
     * delete rows in the tables and nothing else. H2 still runs the trail's append-only trigger for it, and only an
     * administrator may drop that trigger, make a Java function ({@code CREATE ALIAS}) or another user.
     */
    static void grantHomes(Connection admin, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + StoreServer.USER + " PASSWORD " + quoted(password));
            // the password of the folder's file, which may have been changed since the last start; and never an administrator
            s.execute("ALTER USER " + StoreServer.USER + " SET PASSWORD " + quoted(password));
            s.execute("ALTER USER " + StoreServer.USER + " ADMIN FALSE");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + StoreServer.USER);
        }
    }

    /** A password as an SQL string literal (H2 takes no parameter in user statements). */
    private static String quoted(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    /** Whether the address is this machine's loopback (127.0.0.1, ::1, localhost). */
    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " is no address of this machine", e);
        }
    }

    public int port() {
        return gate.port();
    }

    public Path dir() {
        return dir;
    }

    /** The SHA-256 fingerprint of the server's certificate, or null without TLS. */
    public String fingerprint() {
        return certificate == null ? null : certificate.fingerprint();
    }

    /** When the server's certificate ends, or null without TLS. */
    public CertificateExpiry expiry() {
        return certificate == null ? null : certificate.expiry();
    }

    /** Whether this start gave the keystore a password of its own (it had the administrator's, before round 52). */
    public boolean keystoreMigrated() {
        return certificate != null && certificate.migrated();
    }

    /** Stops the server; the databases close once their last connection does. */
    @Override
    public void close() {
        gate.close();
        server.close();
        closeAll(held);
        try {
            Files.deleteIfExists(dir.resolve(RUNNING));
        } catch (IOException e) {
            // a stale file names a process that is gone, which is read as stopped
        }
    }

    private static void writeRunning(Path dir) {
        try {
            Files.writeString(dir.resolve(RUNNING), ProcessHandle.current().pid() + "\n", java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RUNNING) + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}

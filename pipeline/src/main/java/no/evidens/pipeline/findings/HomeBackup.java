package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;
import no.evidens.index.IndexBackup;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StoreServer;
import no.evidens.pipeline.store.StoreTrust;

/**
 * A whole home copied while the server may be running, and put back into a new home: the index's latest
 * commit ({@link IndexBackup}), the findings store through H2's online backup (findings, history, audit
 * trail), the audit chain file (copied before the store, so every hash it names is in the copy), the
 * accounts and roles per case (the access database, by H2's online backup too), the receipts, the memory of failed
 * files and of incomplete containers (so a restored home still reads again what a re-ingest must bring in), which
 * documents are earlier versions of corrected files (so its search still leaves them out), each case's last check of
 * its quotations (so export still tells it), the
 * uploaded bundles and the home's settings (synonyms, codebook, evidens.properties, the store server's certificate the home
 * trusts).
 *
 * <p>A home whose stores are on a store server ({@link HomeStores}) has them copied as SQL over the connection
 * ({@code findings.sql}, {@code access.sql}: H2's {@code SCRIPT}; its {@code BACKUP TO} would write on the server's disk);
 * a restore puts them into the new home's folders, from where {@code evidens store move-to-server} puts them on an empty
 * store server.
 */
public final class HomeBackup {
    static final String MANIFEST = "evidens-backup.json";
    static final String STORE_ZIP = "findings.zip";
    static final String ACCESS_ZIP = "access.zip";
    /** A server's stores, as SQL. */
    static final String STORE_SQL = "findings.sql";
    static final String ACCESS_SQL = "access.sql";
    /** Where certificates the home trusts from outside its folder are kept, in the backup and in the restored home. */
    static final String TRUST_FOLDER = "store-trust";
    private static final String TRUST_COPIES = "trustCopies";
    private static final List<String> FOLDERS = List.of("receipts", "failed", "incomplete", "bundles", "versions", "checks");
    /** The home's own settings: its synonyms, its indicator codebook (which tags the next ingestions), its engine. */
    private static final List<String> SETTINGS = Stream.concat(
            Stream.of(EvidensHome.SYNONYMS, IndexBackend.SETTINGS), Codebook.HOME_FILES.stream()).toList();

    private final Duration lockWait;

    public HomeBackup(Duration lockWait) {
        this.lockWait = lockWait;
    }

    /**
     * What a backup holds.
     *
     * @param accounts whether it holds the access database (accounts, roles per case)
     */
    public record Summary(Path dir, String home, int indexFiles, boolean findings, boolean accounts, int files, Instant at, String server,
            Map<String, String> trustMoved) {
        public Summary(Path dir, String home, int indexFiles, boolean findings, boolean accounts, int files, Instant at) {
            this(dir, home, indexFiles, findings, accounts, files, at, null, Map.of());
        }

        /** What it holds, as {@code backup} and {@code restore} say it: the index files, the stores, the other files. */
        public String contents() {
            return indexFiles + " index files, " + (findings ? "the findings store" : "no findings store")
                    + (accounts ? ", the accounts" : "") + (server == null ? "" : " (of the store server " + server + ", as SQL)")
                    + ", " + files + " other files";
        }
    }

    /**
     * Backs the home up into {@code to}, a new or empty folder. A backup that fails half-way (a full disk) takes away what
     * it wrote: the folder it made, or what it put into the empty one; a half backup is never left to be restored.
     */
    public Summary backup(EvidensHome home, Path to) throws IOException {
        // a misspelt --home (or EVIDENS_HOME) would give an empty backup and exit 0: a nightly job would keep nothing, unseen
        if (!Files.isDirectory(home.root())) {
            throw new IllegalArgumentException("there is no home " + home.root() + ": nothing to back up (give the home with --home,"
                    + " or set EVIDENS_HOME)");
        }
        if (!Files.isDirectory(home.index()) && !HomeStores.of(home).hasFindings() && !Files.isDirectory(home.receipts())
                && !Files.isDirectory(home.access())) {
            throw new IllegalArgumentException(home.root() + " is not an Evidens home (no index, findings, receipts or accounts): "
                    + "nothing to back up (give the home with --home, or set EVIDENS_HOME)");
        }
        if (Files.exists(to) && !isEmptyDir(to)) {
            throw new IllegalArgumentException(to + " is not empty: back up into a new folder");
        }
        boolean made = !Files.exists(to);
        Files.createDirectories(to);
        try {
            return backupInto(home, to);
        } catch (IOException | RuntimeException e) {
            undo(to, made, e);
            throw e;
        }
    }

    private Summary backupInto(EvidensHome home, Path to) throws IOException {
        Instant at = Instant.now();
        int indexFiles = Files.isDirectory(home.index()) ? IndexBackup.copyLatestCommit(home.index(), to.resolve("index")).size() : 0;
        int files = copyIfThere(home.root().resolve(AuditService.CHAIN_FILE), to.resolve(AuditService.CHAIN_FILE));
        HomeStores stores = HomeStores.of(home);
        if (stores.onServer()) {
            // both, always: a server's stores exist once it runs, and a backup without them would be a silent loss
            stores.script(StoreServer.FINDINGS, to.resolve(STORE_SQL));
            stores.script(StoreServer.ACCESS, to.resolve(ACCESS_SQL));
        }
        boolean findings = !stores.onServer() && Files.isDirectory(FindingsService.storeDir(home));
        if (findings) {
            try (FindingStore store = FindingStore.open(FindingsService.storeDir(home), lockWait)) {
                store.backupTo(to.resolve(STORE_ZIP));
            }
        }
        // without the accounts and roles a restored team home would let nobody sign in
        boolean accounts = !stores.onServer() && Files.isRegularFile(home.access().resolve(AccessStore.DB_NAME + ".mv.db"));
        if (accounts) {
            try (AccessStore access = AccessStore.open(home.access(), lockWait)) {
                access.backupTo(to.resolve(ACCESS_ZIP));
            }
        }
        for (String folder : FOLDERS) {
            files += copyTree(home.root().resolve(folder), to.resolve(folder));
        }
        for (String file : SETTINGS) {
            files += copyIfThere(home.root().resolve(file), to.resolve(file));
        }
        Map<String, String> trustCopies = new LinkedHashMap<>();
        files += copyTrustFiles(home, to, trustCopies);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "evidens-backup");
        manifest.put("home", home.root().toString());
        manifest.put("at", at.toString());
        manifest.put("indexFiles", indexFiles);
        manifest.put("findings", findings || stores.onServer());
        manifest.put("accounts", accounts || stores.onServer());
        if (stores.onServer()) {
            manifest.put("storeServer", stores.server().toString());
        }
        if (!trustCopies.isEmpty()) {
            manifest.put(TRUST_COPIES, trustCopies);
        }
        manifest.put("files", files);
        Json.write(manifest, to.resolve(MANIFEST));
        return new Summary(to, home.root().toString(), indexFiles, findings || stores.onServer(), accounts || stores.onServer(), files, at,
                stores.onServer() ? stores.server().toString() : null, trustCopies);
    }

    /**
     * Restores a backup into a new home; quotations and receipts that named the old home's bundles name the new one's. A
     * restore that fails half-way takes away what it wrote, as a backup does: a half home is never left to be served.
     */
    public Summary restore(Path from, EvidensHome home) throws IOException {
        Path manifestFile = from.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(from + " is not an Evidens backup (it has no " + MANIFEST + ")");
        }
        if (Files.exists(home.root()) && !isEmptyDir(home.root())) {
            throw new IllegalArgumentException(home.root() + " is not empty: restore into a new home");
        }
        JsonNode m = Json.mapper().readTree(manifestFile.toFile());
        boolean made = !Files.exists(home.root());
        Files.createDirectories(home.root());
        try {
            return restoreInto(from, home, m);
        } catch (IOException | RuntimeException e) {
            undo(home.root(), made, e);
            throw e;
        }
    }

    private Summary restoreInto(Path from, EvidensHome home, JsonNode m) throws IOException {
        String oldRoot = m.path("home").asText();
        int indexFiles = copyTree(from.resolve("index"), home.index());
        int files = copyIfThere(from.resolve(AuditService.CHAIN_FILE), home.root().resolve(AuditService.CHAIN_FILE));
        for (String folder : FOLDERS) {
            files += copyTree(from.resolve(folder), home.root().resolve(folder));
        }
        for (String file : SETTINGS) {
            files += copyIfThere(from.resolve(file), home.root().resolve(file));
        }
        // named by the settings just restored, as in the backed-up home; those from outside it into it, the line changed
        Map<String, String> trustMoved = new LinkedHashMap<>();
        files += restoreTrustFiles(from, home, m.path(TRUST_COPIES), trustMoved);
        String oldBundles = Path.of(oldRoot).resolve("bundles").toString();
        String newBundles = home.root().resolve("bundles").toString();
        boolean fromServer = Files.isRegularFile(from.resolve(STORE_SQL));
        if (fromServer) {
            HomeStores.useRestoredFolders(home.root());
            HomeStores.loadIntoFolder(from.resolve(STORE_SQL), FindingStore.fileUrl(FindingsService.storeDir(home)), FindingStore.FILE_USER);
            HomeStores.loadIntoFolder(from.resolve(ACCESS_SQL), AccessStore.fileUrl(home.access()), AccessStore.FILE_USER);
        }
        boolean findings = fromServer || Files.isRegularFile(from.resolve(STORE_ZIP));
        if (findings) {
            if (!fromServer) {
                FindingStore.restore(from.resolve(STORE_ZIP), FindingsService.storeDir(home));
            }
            try (FindingStore store = FindingStore.open(FindingsService.storeDir(home), lockWait)) {
                store.moveSources(oldBundles, newBundles);
            }
        }
        boolean accounts = fromServer || Files.isRegularFile(from.resolve(ACCESS_ZIP));
        if (accounts && !fromServer) {
            AccessStore.restore(from.resolve(ACCESS_ZIP), home.access());
        }
        rebaseReceipts(home.receipts(), oldBundles, newBundles);
        return new Summary(home.root(), oldRoot, indexFiles, findings, accounts, files, Instant.parse(m.path("at").asText()),
                fromServer ? m.path("storeServer").asText(null) : null, trustMoved);
    }

    /** Receipts of uploaded bundles name the bundle in the old home: name the restored copy instead. */
    private static void rebaseReceipts(Path receipts, String oldBundles, String newBundles) throws IOException {
        if (!Files.isDirectory(receipts) || oldBundles.equals(newBundles)) {
            return;
        }
        try (Stream<Path> s = Files.list(receipts)) {
            for (Path r : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode root = Json.mapper().readTree(r.toFile());
                String bundle = root.path("bundle").asText("");
                if (bundle.startsWith(oldBundles) && root instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                    o.put("bundle", newBundles + bundle.substring(oldBundles.length()));
                    FileTime written = Files.getLastModifiedTime(r);
                    Json.write(o, r);
                    Files.setLastModifiedTime(r, written); // when the ingestion wrote it, as the copy kept it
                }
            }
        }
    }

    /** Takes away what a failed backup or restore wrote: the folder it made, or what it put into the empty one. */
    private static void undo(Path dir, boolean made, Exception failure) {
        try {
            if (made) {
                PathUtils.deleteDirectory(dir);
            } else {
                // each entry, folders too (PathUtils.cleanDirectory leaves the folders)
                try (Stream<Path> written = Files.list(dir)) {
                    for (Path p : written.toList()) {
                        PathUtils.delete(p);
                    }
                }
            }
        } catch (IOException | RuntimeException left) {
            failure.addSuppressed(left);
        }
    }

    /**
     * The certificates the home trusts for its store server ({@code store-tls.crt}, or the files its {@code store-trust:}
     * line names): one in the home at the same place in the copy; one outside it (a shared {@code /etc/...}) into
     * {@value #TRUST_FOLDER}, noted in {@code copies} (as named, where in the backup). Without it a restored home whose
     * {@code store:} line is put back cannot reach the server over TLS.
     */
    private static int copyTrustFiles(EvidensHome home, Path to, Map<String, String> copies) throws IOException {
        int n = 0;
        for (StoreTrust.TrustFile t : StoreTrust.files(home)) {
            if (t.inHome()) {
                n += copyIfThere(t.path(), to.resolve(home.root().relativize(t.path()).toString()));
            } else if (Files.isRegularFile(t.path())) {
                String name = t.path().getFileName().toString();
                String copy = TRUST_FOLDER + "/" + (copies.containsValue(TRUST_FOLDER + "/" + name) ? (copies.size() + 1) + "-" : "") + name;
                n += copyIfThere(t.path(), to.resolve(copy));
                copies.put(t.named(), copy);
            }
        }
        return n;
    }

    /** The trusted certificates back: those of the home at their place, those from outside it into it, its line naming them. */
    private static int restoreTrustFiles(Path from, EvidensHome home, JsonNode copies, Map<String, String> moved) throws IOException {
        int n = 0;
        for (StoreTrust.TrustFile t : StoreTrust.files(home)) {
            if (t.inHome()) {
                n += copyIfThere(from.resolve(home.root().relativize(t.path()).toString()), t.path());
            }
        }
        for (var e : copies.properties()) {
            String copy = e.getValue().asText();
            n += copyIfThere(from.resolve(copy), home.root().resolve(copy));
            StoreTrust.rename(home.root(), e.getKey(), copy);
            moved.put(e.getKey(), home.root().resolve(copy).toString());
        }
        return n;
    }

    private static int copyIfThere(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return 0;
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return 1;
    }

    private static int copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    // (not the index's write.lock, nor the empty lock file of a register or a check, HomeLock)
                    // with its modification time: a receipt's moment when its name has none, or names the hour that came
                    // twice (StampedNames)
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

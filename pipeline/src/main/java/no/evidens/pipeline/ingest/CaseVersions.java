package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.StampedNames;

/**
 * Which documents of a case are earlier versions: a bundle sent again with a file replaced in place (the same path in a
 * bundle of the same name, other bytes) makes the document the path had before an earlier version of the one it has now.
 * A path missing from a later bundle is not taken as withdrawn (a case may be built of several bundles): its document
 * stays current. Kept per case in {@code <home>/versions/<case>.json}: each bundle's paths with the document each has
 * now, and each earlier version with the document that replaced it. A case ingested before this register was kept gets
 * it from its receipts at its next ingest. One ingestion of a case records at a time ({@link HomeLock}, the lock file
 * {@code <case>.json.lock} beside the register).
 */
public final class CaseVersions {
    /**
     * The register of one case.
     *
     * @param current    bundle name → path in the bundle → the document the path has now
     * @param superseded an earlier version's document id → what replaced it
     */
    public record Register(Map<String, Map<String, String>> current, Map<String, Replaced> superseded) {
        /** The maps as given (changed in place by {@link #apply}); null: empty. */
        public Register {
            current = current == null ? new TreeMap<>() : current;
            superseded = superseded == null ? new TreeMap<>() : superseded;
        }
    }

    /**
     * What replaced an earlier version.
     *
     * @param by     the document that replaced it (itself perhaps replaced since: {@link #newest})
     * @param file   the path both have in the bundle
     * @param bundle the bundle's name
     */
    public record Replaced(String by, String file, String bundle) {
    }

    private static final String FOLDER = "versions";

    private final Path root;
    private final StampedNames names;

    /** @param home the home folder: the register is in its {@value #FOLDER} folder */
    public CaseVersions(Path home) {
        this(home, StampedNames.ofThisMachine());
    }

    /**
     * @param home  the home folder: the register is in its {@value #FOLDER} folder
     * @param names how the receipts' names are read, when the register is made from them
     */
    public CaseVersions(Path home, StampedNames names) {
        this.root = home.resolve(FOLDER);
        this.names = names;
    }

    /** The file that holds a case's register. */
    public Path file(String caseId) {
        return root.resolve(caseId + ".json");
    }

    /** The folder of the registers ({@link #file}). */
    public Path folder() {
        return root;
    }

    /**
     * A bundle's name as versions are matched by: its folder or file name, a zip's {@code .zip} left off, so that a bundle
     * sent again as a zip or as a folder is the same bundle.
     */
    public static String bundleName(String bundle) {
        Path name = Path.of(bundle).getFileName();
        String n = name == null ? bundle : name.toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    /**
     * Records an ingestion's receipt: each line whose path had another document in the same bundle before says which
     * ({@link ReceiptFile#newVersionOf()}), and the register is written when it changed.
     *
     * @param receipts the receipts folder, read when the case has no register yet (a home from before it was kept)
     * @return the receipt with its lines marked
     */
    public Receipt record(Receipt receipt, String bundleName, Path receipts) throws IOException {
        Path file = file(receipt.caseId());
        // read, changed and written by one ingestion of the case at a time: another's bundle recorded in between is kept
        return HomeLock.holding(file, () -> recordHolding(receipt, bundleName, receipts, file));
    }

    private Receipt recordHolding(Receipt receipt, String bundleName, Path receipts, Path file) throws IOException {
        Register register = Files.isRegularFile(file) ? read(file) : fromReceipts(receipt.caseId(), receipts);
        List<ReceiptFile> lines = new ArrayList<>(receipt.files().size());
        if (update(register, bundleName, receipt.files(), lines) || !Files.isRegularFile(file)) {
            write(register, file);
        }
        return new Receipt(receipt.caseId(), receipt.bundle(), receipt.manifest(), lines, receipt.counts());
    }

    /** The case's register; empty when it has none. */
    public Register of(String caseId) {
        Path file = file(caseId);
        if (!Files.isRegularFile(file)) {
            return new Register(null, null);
        }
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The document that holds the newest version of {@code docId}, when it is an earlier version. */
    public static Optional<Replaced> newest(Register register, String docId) {
        Replaced r = register.superseded().get(docId);
        Set<String> seen = new HashSet<>();
        while (r != null && seen.add(r.by()) && register.superseded().containsKey(r.by())) {
            r = register.superseded().get(r.by());
        }
        return Optional.ofNullable(r);
    }

    /** Marks the lines and updates the register with them (a pure step: no file read or written). */
    static List<ReceiptFile> apply(Register register, String bundleName, List<ReceiptFile> lines) {
        List<ReceiptFile> out = new ArrayList<>(lines.size());
        update(register, bundleName, lines, out);
        return out;
    }

    /** {@link #apply}, the marked lines added to {@code out}; whether the register changed. */
    private static boolean update(Register register, String bundleName, List<ReceiptFile> lines, List<ReceiptFile> out) {
        Map<String, String> docs = documentIds(lines);
        boolean changed = !register.current().containsKey(bundleName);
        Map<String, String> paths = register.current().computeIfAbsent(bundleName, b -> new TreeMap<>());
        for (ReceiptFile line : lines) {
            String doc = docs.get(line.path());
            String before = doc == null ? null : paths.put(line.path(), doc);
            changed |= doc != null && !doc.equals(before);
            if (before != null && !before.equals(doc)) {
                register.superseded().put(before, new Replaced(doc, line.path(), bundleName));
                out.add(line.asNewVersionOf(before));
            } else {
                out.add(line);
            }
        }
        if (changed) {
            // A document that some path has now is no earlier version: content that went back to what it was, or the same
            // content under another path that was not replaced.
            Set<String> now = new HashSet<>();
            register.current().values().forEach(p -> now.addAll(p.values()));
            register.superseded().keySet().removeAll(now);
        }
        return changed;
    }

    /**
     * The document each line's content is in the case: a file's by its hash, a document inside a container by its
     * container's document and its name there ({@link DocIds}); none for a line without content (failed).
     */
    static Map<String, String> documentIds(List<ReceiptFile> lines) {
        Map<String, ReceiptFile> byPath = new HashMap<>();
        lines.forEach(l -> byPath.put(l.path(), l));
        Map<String, String> ids = new HashMap<>();
        for (ReceiptFile line : lines) {
            String id = documentId(line, byPath);
            if (id != null) {
                ids.put(line.path(), id);
            }
        }
        return ids;
    }

    private static String documentId(ReceiptFile line, Map<String, ReceiptFile> byPath) {
        if (line == null || line.sha256() == null || ReceiptFile.FAILED.equals(line.status())) {
            return null;
        }
        int step = line.path().lastIndexOf("!/");
        if (step < 0) {
            return DocIds.ofFile(line.sha256());
        }
        String parent = documentId(byPath.get(line.path().substring(0, step)), byPath);
        return parent == null ? null : DocIds.ofEmbedded(parent, line.path().substring(step + 2), line.sha256());
    }

    /**
     * The register as the case's receipts make it, oldest first by the moments their names tell (a home from before the
     * register was kept).
     */
    private Register fromReceipts(String caseId, Path receipts) throws IOException {
        Register register = new Register(null, null);
        for (StampedNames.Stamped receipt : names.oldestFirst(receipts, ".json")) {
            boolean named = receipt.prefix() != null ? receipt.prefix().equals(caseId)
                    : receipt.file().getFileName().toString().startsWith(caseId + "-"); // named otherwise: as before
            if (!named) {
                continue;
            }
            JsonNode root;
            try {
                root = Json.mapper().readTree(receipt.file().toFile());
            } catch (IOException unreadable) {
                continue; // a damaged receipt tells nothing
            }
            if (!caseId.equals(root.path("case").asText()) || !root.hasNonNull("bundle")) {
                continue;
            }
            List<ReceiptFile> lines = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                lines.add(new ReceiptFile(f.path("path").asText(), f.hasNonNull("sha256") ? f.get("sha256").asText() : null,
                        null, f.path("status").asText(), null, null, 0, 0));
            }
            apply(register, bundleName(root.get("bundle").asText()), lines);
        }
        return register;
    }

    /**
     * The register as written: read as a tree (a tenth of the time Jackson's first binding of these records took on a
     * re-ingest of 800 files, which otherwise needs no binding at all).
     */
    private static Register read(Path file) throws IOException {
        JsonNode root = Json.mapper().readTree(file.toFile());
        Map<String, Map<String, String>> current = new TreeMap<>();
        root.path("current").properties().forEach(bundle -> {
            Map<String, String> paths = new TreeMap<>();
            bundle.getValue().properties().forEach(p -> paths.put(p.getKey(), p.getValue().asText()));
            current.put(bundle.getKey(), paths);
        });
        Map<String, Replaced> superseded = new TreeMap<>();
        root.path("superseded").properties().forEach(r -> superseded.put(r.getKey(), new Replaced(r.getValue().path("by").asText(),
                r.getValue().path("file").asText(), r.getValue().path("bundle").asText())));
        return new Register(current, superseded);
    }

    private static void write(Register register, Path file) throws IOException {
        try {
            Json.write(register, file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    /** Jackson's core factory with its defaults, the settings the shared mapper's own factory has ({@link #read}). */
    private static final JsonFactory FACTORY = new JsonFactory();

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
     * The register as written, read with Jackson's streaming parser: the same register its tree gave (unknown fields
     * passed over, a value that is not text taken as written (an object or array as "", as the tree's {@code asText}), a field named twice taken as
     * last written, a file cut short refused). Not bound to the records, nor built as a tree, because an ingest of an
     * unchanged bundle needs Jackson's data binding for nothing else (its start and the tree of a 1,000-file register
     * were some 150-220 CPU ms of a re-ingest's ~1.2 CPU s, measured in round 56; binding the records cost ten times the
     * tree before that).
     */
    static Register read(Path file) throws IOException {
        Map<String, Map<String, String>> current = new TreeMap<>();
        Map<String, Replaced> superseded = new TreeMap<>();
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("current".equals(field) && value == JsonToken.START_OBJECT) {
                        current.clear();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String bundle = p.currentName();
                            Map<String, String> paths = new TreeMap<>();
                            if (p.nextToken() == JsonToken.START_OBJECT) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String path = p.currentName();
                                    p.nextToken();
                                    paths.put(path, text(p));
                                }
                            } else {
                                p.skipChildren(); // not an object: no paths, as the tree's properties() gave none
                            }
                            current.put(bundle, paths);
                        }
                    } else if ("superseded".equals(field) && value == JsonToken.START_OBJECT) {
                        superseded.clear();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String doc = p.currentName();
                            superseded.put(doc, replaced(p));
                        }
                    } else {
                        if ("current".equals(field)) {
                            current.clear();
                        } else if ("superseded".equals(field)) {
                            superseded.clear();
                        }
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        return new Register(current, superseded);
    }

    /** An earlier version's entry, the parser at its value: its three fields ("" when missing or not an object). */
    private static Replaced replaced(JsonParser p) throws IOException {
        String by = "";
        String file = "";
        String bundle = "";
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Replaced(by, file, bundle);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "by" -> by = text(p);
                case "file" -> file = text(p);
                case "bundle" -> bundle = text(p);
                default -> p.skipChildren();
            }
        }
        return new Replaced(by, file, bundle);
    }

    /** The value the parser is at, as a tree's {@code asText} gives it: an object or array (passed over) as "". */
    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }

    private static void write(Register register, Path file) throws IOException {
        try {
            Json.write(register, file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

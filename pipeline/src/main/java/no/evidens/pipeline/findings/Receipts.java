package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.StampedNames;

/**
 * Where an indexed file came from, as the ingestion receipts under the home folder tell. Receipts are named by the
 * moment their ingestion finished ({@link StampedNames}): in UTC since round 46, in this machine's zone before.
 */
public final class Receipts {
    private static final String JSON = ".json";

    private final Path dir;
    private final StampedNames names;

    public Receipts(Path receiptsDir) {
        this(receiptsDir, StampedNames.ofThisMachine());
    }

    /** @param names how the receipts' names are read (the zone of the names written before round 46) */
    public Receipts(Path receiptsDir, StampedNames names) {
        this.dir = receiptsDir;
        this.names = names;
    }

    /**
     * The bundle (folder or .zip, absolute) of the newest receipt of the case that lists this file with
     * this content, if any.
     */
    public Optional<String> bundleOf(String caseId, String file, String sha256) {
        try {
            for (StampedNames.Stamped r : names.newestFirst(dir, JSON)) {
                JsonNode root = Json.mapper().readTree(r.file().toFile());
                if (!caseId.equals(root.path("case").asText()) || !root.hasNonNull("bundle")) {
                    continue;
                }
                for (JsonNode f : root.path("files")) {
                    if (file.equals(f.path("path").asText()) && sha256.equals(f.path("sha256").asText())) {
                        // a receipt of the inbox watcher from before round 43 names the inbox: the bundle is in done/
                        return Optional.of(KeptBundles.where(Path.of(root.get("bundle").asText()).toAbsolutePath().normalize()
                                .toString(), file, sha256));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the receipts in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The other cases whose receipts list {@code file} of the same bundle (the same folder or zip, where it lies now): a file
     * two cases were ingested from is the sources of both, and deleting one case's records must leave it to the other.
     */
    public SortedSet<String> otherCasesHolding(String caseId, String bundle, String file) {
        TreeSet<String> cases = new TreeSet<>();
        try {
            for (StampedNames.Stamped r : names.newestFirst(dir, JSON)) {
                JsonNode root = Json.mapper().readTree(r.file().toFile());
                String other = root.path("case").asText();
                if (caseId.equals(other) || cases.contains(other) || !root.hasNonNull("bundle")) {
                    continue;
                }
                for (JsonNode f : root.path("files")) {
                    if (file.equals(f.path("path").asText()) && bundle.equals(KeptBundles.where(Path.of(root.get("bundle").asText())
                            .toAbsolutePath().normalize().toString(), file, f.path("sha256").asText()))) {
                        cases.add(other);
                        break;
                    }
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the receipts in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * When a bundle that brought new content into the case (a document indexed) was last ingested after {@code since}:
     * the receipts' times are read from their names ({@code <case>-<stamp>.json}, written when the ingestion finished; a
     * receipt named otherwise is read for its case, and its modification time taken), and only the receipts after
     * {@code since} are read for their counts (this is asked each time the findings page is opened). A bundle ingested
     * again unchanged brings nothing new. Empty when none did.
     */
    public Optional<Instant> newContentSince(String caseId, Instant since) throws IOException {
        for (StampedNames.Stamped r : names.newestFirst(dir, JSON)) {
            if (!r.at().isAfter(since)) {
                break;
            }
            if (ofCase(r, caseId) && indexedAny(r.file())) {
                return Optional.of(r.at());
            }
        }
        return Optional.empty();
    }

    /** Whether the receipt is the case's: named by ingestion, its name says; named otherwise, its content. */
    private static boolean ofCase(StampedNames.Stamped receipt, String caseId) {
        if (receipt.prefix() != null) {
            return receipt.prefix().equals(caseId);
        }
        try {
            return caseId.equals(Json.mapper().readTree(receipt.file().toFile()).path("case").asText());
        } catch (IOException unreadable) {
            return false; // a receipt being written, or damaged: it does not name a case
        }
    }

    /** Whether the receipt's ingestion indexed a document; a receipt that cannot be read indexed none. */
    private static boolean indexedAny(Path receipt) {
        try {
            return Json.mapper().readTree(receipt.toFile()).path("counts").path("indexed").asInt() > 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The cases the receipts name, in order; a receipt that cannot be read (being written, or damaged) names none. */
    public List<String> cases() throws IOException {
        TreeSet<String> cases = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(JSON)).toList()) {
                try {
                    JsonNode n = Json.mapper().readTree(p.toFile());
                    if (n.hasNonNull("case")) {
                        cases.add(n.get("case").asText());
                    }
                } catch (IOException unreadable) {
                    // a receipt being written, or damaged: it does not name a case
                }
            }
        }
        return List.copyOf(cases);
    }
}

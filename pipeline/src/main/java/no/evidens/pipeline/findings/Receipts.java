package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;

/** Where an indexed file came from, as the ingestion receipts under the home folder tell. */
public final class Receipts {
    /** The time in a receipt's name, as {@code Ingestion} writes it. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int STAMP_LENGTH = "yyyyMMdd-HHmmss-SSS".length();

    private final Path dir;

    public Receipts(Path receiptsDir) {
        this.dir = receiptsDir;
    }

    /**
     * The bundle (folder or .zip, absolute) of the newest receipt of the case that lists this file with
     * this content, if any.
     */
    public Optional<String> bundleOf(String caseId, String file, String sha256) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> receipts = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
            for (Path r : receipts) {
                JsonNode root = Json.mapper().readTree(r.toFile());
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
     * When a bundle that brought new content into the case (a document indexed) was last ingested after {@code since}:
     * the receipts' times are read from their names ({@code <case>-yyyyMMdd-HHmmss-SSS.json}, written in this machine's
     * zone when the ingestion finished; a receipt named otherwise is read for its case, and its modification time
     * taken), and only the receipts after {@code since} are read for their counts (this is asked each time the findings
     * page is opened). A bundle ingested again unchanged brings nothing new. Empty when none did.
     */
    public Optional<Instant> newContentSince(String caseId, Instant since) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Instant last = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Instant at = ingestedAt(p, caseId);
                if (at != null && at.isAfter(since) && (last == null || at.isAfter(last)) && indexedAny(p)) {
                    last = at;
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether the receipt's ingestion indexed a document; a receipt that cannot be read indexed none. */
    private static boolean indexedAny(Path receipt) {
        try {
            return Json.mapper().readTree(receipt.toFile()).path("counts").path("indexed").asInt() > 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** When the receipt's ingestion into the case finished; null when the receipt is another case's, or unreadable. */
    private static Instant ingestedAt(Path receipt, String caseId) throws IOException {
        String name = receipt.getFileName().toString();
        int stamp = name.length() - ".json".length() - STAMP_LENGTH;
        if (stamp > 1 && name.charAt(stamp - 1) == '-') {
            try {
                LocalDateTime at = LocalDateTime.parse(name.substring(stamp, stamp + STAMP_LENGTH), STAMP);
                // named by ingestion: its case is the name before the time
                return name.substring(0, stamp - 1).equals(caseId) ? at.atZone(ZoneId.systemDefault()).toInstant() : null;
            } catch (DateTimeParseException notAStamp) {
                // named otherwise (copied by hand): read for its case below
            }
        }
        try {
            return caseId.equals(Json.mapper().readTree(receipt.toFile()).path("case").asText())
                    ? Files.getLastModifiedTime(receipt).toInstant() : null;
        } catch (IOException unreadable) {
            return null; // a receipt being written, or damaged: it does not name a case
        }
    }

    /** The cases the receipts name, in order; a receipt that cannot be read (being written, or damaged) names none. */
    public List<String> cases() throws IOException {
        TreeSet<String> cases = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
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

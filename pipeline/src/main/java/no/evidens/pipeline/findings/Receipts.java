package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;

/** Where an indexed file came from, as the ingestion receipts under the home folder tell. */
public final class Receipts {
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

package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.inbox.InboxWatcher;

/**
 * Where a bundle named by an older receipt is kept now. Before round 43 the inbox watcher's receipts (and the quotations
 * attached from them) named the bundle in the inbox, {@code <inbox>/NAME}, and the watcher then moved it to
 * {@code <inbox>/done/NAME}, or {@code NAME-2}, {@code NAME-3} … (before a {@code .zip}) when the name was taken, with
 * its receipt beside it ({@code done/NAME-2.receipt.json}). Such a bundle is found at read time, so an old home needs
 * nothing done to it: of the bundles of that name in {@code done/}, the one whose receipt lists the file with the same
 * content; none when no receipt there does (two drops of one name are told apart so, and a bundle's file is never
 * taken from another).
 */
public final class KeptBundles {
    private static final String RECEIPT = ".receipt.json";

    private KeptBundles() {
    }

    /**
     * The bundle as named, when it is there (or is null, or no inbox's); else the bundle in its inbox's {@code done/}
     * whose receipt lists this file with this content, if one does.
     */
    public static String where(String bundle, String file, String sha256) {
        if (bundle == null || file == null || sha256 == null) {
            return bundle;
        }
        Path named = Path.of(bundle);
        Path done = named.getParent() == null ? null : named.getParent().resolve(InboxWatcher.DONE);
        if (Files.exists(named) || done == null || !Files.isDirectory(done)) {
            return bundle;
        }
        return sameNamed(done, named.getFileName().toString()).stream()
                .filter(kept -> lists(done.resolve(kept.getFileName() + RECEIPT), file, sha256))
                .findFirst().map(Path::toString).orElse(bundle);
    }

    /** The bundles in {@code done} of this name, and of the names the watcher gave it when it was taken, in order. */
    private static List<Path> sameNamed(Path done, String name) {
        boolean zip = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
        String stem = zip ? name.substring(0, name.length() - 4) : name;
        String ext = zip ? name.substring(name.length() - 4) : "";
        Pattern names = Pattern.compile(Pattern.quote(stem) + "(-\\d+)?" + Pattern.quote(ext));
        try (Stream<Path> all = Files.list(done)) {
            return all.filter(p -> names.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether the receipt lists the file with this content; a receipt that cannot be read lists nothing. */
    private static boolean lists(Path receipt, String file, String sha256) {
        if (!Files.isRegularFile(receipt)) {
            return false;
        }
        try {
            JsonNode root = Json.mapper().readTree(receipt.toFile());
            for (JsonNode f : root.path("files")) {
                if (file.equals(f.path("path").asText()) && sha256.equals(f.path("sha256").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}

package no.evidens.pipeline.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and the docs files as a reader follows them: every relative link names a file of the checkout, and every
 * {@code #anchor} a heading of the file it points into (anchors as GitHub makes them from headings). Links into
 * {@code ../shared}, the data that stands beside a checkout but is not part of it, are left out.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHARED = ROOT.resolveSibling("shared");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern CODE = Pattern.compile("`[^`\\n]*`");

    @Test
    void everyLinkOfTheReadmeAndTheDocsLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(ROOT)) {
            files = all.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(.*/)?(target|node_modules|\\.git|evidens-data)/.*"))
                    .toList();
        }
        assertTrue(files.contains(ROOT.resolve("README.md")), "the README is among the files checked");
        for (Path file : files) {
            broken.addAll(brokenLinks(file, Files.readString(file, StandardCharsets.UTF_8)));
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void aMissingFileAndAMissingHeadingAreBothFound() throws IOException {
        String text = "# Ingest speed, beside Tika alone\n\nSee [speed](#ingest-speed-beside-tika-alone), "
                + "[gone](#ingest-speed) and [the docs](docs/no-such-file.md); not `[code](#nowhere)`.\n";
        assertEquals(List.of("README.md: #ingest-speed (no such heading)", "README.md: docs/no-such-file.md (no such file)"),
                brokenLinks(ROOT.resolve("README.md"), text));
    }

    private static List<String> brokenLinks(Path file, String text) throws IOException {
        List<String> broken = new ArrayList<>();
        String prose = CODE.matcher(FENCE.matcher(text).replaceAll("")).replaceAll("");
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            String link = m.group(1);
            if (link.matches("[a-z]+:.*")) {
                continue;
            }
            int hash = link.indexOf('#');
            String target = hash < 0 ? link : link.substring(0, hash);
            Path into = target.isEmpty() ? file : file.getParent().resolve(target).normalize();
            if (into.startsWith(SHARED)) {
                continue;
            }
            String where = ROOT.relativize(file) + ": " + link;
            if (!Files.exists(into)) {
                broken.add(where + " (no such file)");
            } else if (hash >= 0 && into.toString().endsWith(".md")) {
                String anchorText = into.equals(file) ? text : Files.readString(into, StandardCharsets.UTF_8);
                if (!anchors(anchorText).contains(link.substring(hash + 1))) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        return broken;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(String text) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : FENCE.matcher(text).replaceAll("").split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String title = h.group(1).replace("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
                String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return anchors;
    }
}

package no.evidens.pipeline.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the word list the dehyphenation ships with ({@link WordList#RESOURCE}), the same bytes every run:
 * <pre>scripts/wordlist.sh ../shared/nlp/ndt-nob-train</pre>
 * Word forms only, lower-cased, from the Norwegian Dependency Treebank (CoNLL files: the FORM column),
 * kept when they occur at least {@link #FLOOR} times; plus every word of the project's own search
 * lexicon (the compound parts and the synonyms of the index module). A sorted list of forms is not the
 * treebank's text, which may not be republished (see NOTICE).
 */
public final class WordListBuilder {
    /** Fewest occurrences in the treebank for a form to be listed: drops typos and one-off names. */
    static final int FLOOR = 2;
    /** Letters, with inner hyphens (e-post): what the dehyphenation asks about. */
    private static final Pattern WORD = Pattern.compile("\\p{L}+(-\\p{L}+)*");
    private static final List<String> LEXICON = List.of("/no/evidens/index/compound-parts.txt", "/no/evidens/index/synonyms.txt");

    private WordListBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WordListBuilder TREEBANK_DIR OUT_FILE");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".conll")).sorted().toList();
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Path f : files) {
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                countForms(in, counts);
            }
        }
        List<String> lexicon = new ArrayList<>();
        for (String resource : LEXICON) {
            try (InputStream in = WordListBuilder.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the class path: " + resource);
                }
                lexicon.addAll(lexiconWords(new InputStreamReader(in, StandardCharsets.UTF_8)));
            }
        }
        SortedSet<String> words = build(counts, lexicon);
        Path out = Path.of(args[1]);
        List<String> lines = new ArrayList<>();
        lines.add("# Norwegian word forms for joining words hyphenated at line ends; made by WordListBuilder");
        lines.add("# from " + files.size() + " files of the Norwegian Dependency Treebank (forms seen at least " + FLOOR
                + " times, lower-cased) and the index module's compound parts and synonyms. See NOTICE.");
        lines.addAll(words);
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.err.println(words.size() + " words written to " + out);
    }

    /** Adds each token's FORM (second column) of a CoNLL file to {@code counts}. */
    static void countForms(Reader conll, Map<String, Integer> counts) {
        try (BufferedReader in = new BufferedReader(conll)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cols = line.split("\t", 3);
                if (cols.length >= 2 && !line.startsWith("#")) {
                    counts.merge(cols[1].toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a lexicon file: comment lines skipped, any of {@code , => } separating words. */
    static List<String> lexiconWords(Reader lexicon) {
        List<String> words = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(lexicon)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.strip().startsWith("#")) {
                    for (String w : line.split("[,=>\\s]+")) {
                        words.add(w.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The sorted list: treebank forms at or over the floor, and every lexicon word; only words. */
    static SortedSet<String> build(Map<String, Integer> counts, List<String> lexicon) {
        SortedSet<String> words = new TreeSet<>();
        counts.forEach((form, n) -> {
            if (n >= FLOOR && WORD.matcher(form).matches()) {
                words.add(form);
            }
        });
        for (String w : lexicon) {
            if (WORD.matcher(w).matches()) {
                words.add(w);
            }
        }
        return words;
    }
}

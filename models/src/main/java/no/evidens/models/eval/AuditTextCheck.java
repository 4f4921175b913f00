package no.evidens.models.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;

/**
 * A check of the sentence detector on real audit text without gold: runs it over every {@code .txt}
 * file of a folder (a header of {@code key: value} lines up to the first blank line is skipped), counts
 * sentences, and sorts out the decisions worth reading by hand:
 * <ul>
 *   <li>splits inside a line (not at a blank line or list item) right after a number or date, a
 *       {@code §} reference, a short word with a period (abbreviation-like), an initial, or at a colon;</li>
 *   <li>places where {@code . ! ? :} and an upper-case word stay inside one sentence (a refused break).</li>
 * </ul>
 * Nothing of the text is kept; with {@code show} the cases are printed with their context for a person
 * to judge, and only the counts and that judgement go into the models README.
 */
public final class AuditTextCheck {

    /** Kinds of in-line split worth checking, in the order they are tested. */
    public static final List<String> KINDS = List.of("colon", "paragraph-ref", "initial", "short-word", "number-or-date");

    private static final Pattern HEADER_LINE = Pattern.compile("[\\w-]+: .*");
    private static final Pattern REFUSED = Pattern.compile("[.!?:][\"»”’)\\]]*\\h+[\"«“(]?\\p{Lu}");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.");
    private static final Pattern SHORT_WORD = Pattern.compile("\\p{L}{1,4}\\.");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,/–-]*\\.?");

    /** The counts of one run, and the cases (context strings) by kind. */
    public record Report(int files, long characters, int sentences, int inLineSplits,
                         Map<String, List<String>> riskySplits, List<String> refusedBreaks, long millis) {
    }

    private AuditTextCheck() {
    }

    public static Report run(Path dir, NorwegianModels models) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .txt files in " + dir);
        }
        Map<String, List<String>> risky = new LinkedHashMap<>();
        KINDS.forEach(k -> risky.put(k, new ArrayList<>()));
        List<String> refused = new ArrayList<>();
        long characters = 0;
        int sentences = 0;
        int inLine = 0;
        long started = System.nanoTime();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = body(Files.readString(file, StandardCharsets.UTF_8));
            characters += text.length();
            List<TaggedSpan> found = models.sentences(text);
            sentences += found.size();
            for (int i = 0; i + 1 < found.size(); i++) {
                TaggedSpan s = found.get(i);
                if (text.substring(s.end(), found.get(i + 1).start()).indexOf('\n') >= 0) {
                    continue;
                }
                inLine++;
                String kind = kind(s.cut(text));
                if (kind != null) {
                    risky.get(kind).add(name + ": " + SentenceGoldEvaluator.context(text, s.end()));
                }
            }
            for (TaggedSpan s : found) {
                Matcher m = REFUSED.matcher(s.cut(text));
                while (m.find()) {
                    int at = s.start() + m.start() + 1;
                    refused.add(name + ": " + SentenceGoldEvaluator.context(text, at));
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Report(files.size(), characters, sentences, inLine, risky, refused, millis);
    }

    public static void print(Report r, boolean show, PrintStream out) {
        out.printf(Locale.ROOT, "files %d, characters %d, sentences %d, split inside a line %d, %d ms%n",
                r.files(), r.characters(), r.sentences(), r.inLineSplits(), r.millis());
        int total = r.riskySplits().values().stream().mapToInt(List::size).sum();
        out.printf("in-line splits to check %d:", total);
        r.riskySplits().forEach((k, v) -> out.printf(" %s %d", k, v.size()));
        out.println();
        out.println("refused breaks (. ! ? : + upper case inside a sentence) " + r.refusedBreaks().size());
        if (show) {
            r.riskySplits().forEach((k, v) -> v.forEach(c -> out.println("  split   " + k + "  " + c)));
            r.refusedBreaks().forEach(c -> out.println("  kept    " + c));
        }
    }

    /** The file without its header of {@code key: value} lines ending at the first blank line, if it has one. */
    static String body(String file) {
        String[] lines = file.split("\\R", -1);
        int i = 0;
        while (i < lines.length && HEADER_LINE.matcher(lines[i]).matches()) {
            i++;
        }
        if (i == 0 || i >= lines.length || !lines[i].isBlank()) {
            return file;
        }
        return String.join("\n", List.of(lines).subList(i + 1, lines.length));
    }

    /** Which kind of risky split ends this sentence, or null. */
    static String kind(String sentence) {
        if (sentence.endsWith(":")) {
            return "colon";
        }
        String last = sentence.substring(sentence.lastIndexOf(' ') + 1).replaceAll("[\"»”’)\\]]+$", "");
        String tail = sentence.substring(Math.max(0, sentence.length() - 16));
        if (tail.contains("§")) {
            return "paragraph-ref";
        }
        if (INITIAL.matcher(last).matches()) {
            return "initial";
        }
        if (SHORT_WORD.matcher(last).matches()) {
            return "short-word";
        }
        if (NUMBER.matcher(last).matches()) {
            return "number-or-date";
        }
        return null;
    }
}

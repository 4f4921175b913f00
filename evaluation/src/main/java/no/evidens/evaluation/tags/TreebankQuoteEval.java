package no.evidens.evaluation.tags;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import no.evidens.corpus.tags.TreebankQuoteGold;
import no.evidens.models.eval.Prf;
import no.evidens.models.eval.GoldFolder;
import no.evidens.models.eval.TreebankDocuments;
import no.evidens.models.eval.TreebankTrainDocuments;
import no.evidens.models.tag.Quotation;
import no.evidens.models.tag.QuoteTagger;

/**
 * Quotations on the treebank's dev part ({@link TreebankDocuments}: a treebank file per document, paragraph-aware
 * text) against the hand-labelled offsets of {@link TreebankQuoteGold}: exact inner span, every depth. The tagger
 * runs as ingestion runs it, on the whole document text, without page furniture.
 */
public final class TreebankQuoteEval {
    /** Quotation gold of the training files, beside {@link TreebankQuoteGold#RESOURCE} in the gold folder. */
    public static final String TRAIN_GOLD = "treebank-train-quotes.tsv";
    /**
     * The last of the development splits of training files, {@code dev2} to {@code dev10}: each a set of training files of
     * the test split's genres and in no other split, labelled in its own round (round 9 onward; from {@code dev4} before
     * the tagger was run on them, as {@code gold/README.md} records), scored apart from dev so that dev's figures stay
     * comparable with earlier rounds. A new split is one more here and its files in the gold.
     */
    private static final int LAST_TRAINING_SPLIT = 10;
    /** The splits of training files scored apart from dev, in the order {@code all} prints them. */
    public static final List<String> TRAINING_SPLITS =
            IntStream.rangeClosed(2, LAST_TRAINING_SPLIT).mapToObj(i -> "dev" + i).toList();
    private static final int CONTEXT = 40;
    /** A sentence's end: its punctuation (and a closing mark), then white space or the end. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+[»\"”]?(?=\\s|\\z)");

    private TreebankQuoteEval() {
    }

    /** Reads the CoNLL-U file, checks the gold against it, and prints dev, test (and all) or one split. */
    public static void run(Path conllu, String split, boolean errors, PrintStream out) throws IOException {
        run(conllu, conllu.resolveSibling("ndt-nob-train"), split, errors, out);
    }

    /**
     * As {@link #run(Path, String, boolean, PrintStream)}, with the hand-labelled training files
     * ({@link TreebankTrainDocuments}, read from {@code ndtDir}) in the dev split when the gold folder lists them: dev
     * is then printed for the dev-part files, the training files and both together; training files of splits
     * {@code dev2} to {@code dev10} ({@link #TRAINING_SPLITS}) are printed on their own.
     */
    public static void run(Path conllu, Path ndtDir, String split, boolean errors, PrintStream out) throws IOException {
        List<TreebankDocuments.Doc> docs = TreebankDocuments.read(conllu);
        List<TreebankQuoteGold.Span> gold = new ArrayList<>(
                TreebankQuoteGold.load(GoldFolder.file(TreebankQuoteGold.RESOURCE)));
        check(docs, gold);
        List<TreebankDocuments.Doc> train = List.of();
        if (TreebankTrainDocuments.listed()) {
            train = TreebankTrainDocuments.read(ndtDir);
            List<TreebankQuoteGold.Span> trainGold = TreebankQuoteGold.load(GoldFolder.file(TRAIN_GOLD));
            check(train, trainGold);
            gold.addAll(trainGold);
        }
        for (String s : splits(split, train)) {
            // test errors are never printed: the test files are scored, not read
            PrintStream errorsTo = errors && !"test".equals(s) && !"all".equals(s) ? out : null;
            List<TreebankDocuments.Doc> part = TreebankDocuments.of(docs, s);
            if (!TRAINING_SPLITS.contains(s)) {
                out.printf(Locale.ROOT, "quotations, treebank %s files (%d), exact span: %s%n", s, part.size(),
                        score(part, gold, errorsTo));
                out.printf(Locale.ROOT, "quotations, treebank %s files (%d), same start, any end: %s%n", s, part.size(),
                        starts(part, gold));
            } else {
                List<TreebankDocuments.Doc> extra = TreebankDocuments.of(train, s);
                out.printf(Locale.ROOT, "quotations, treebank %s training files (%d), exact span: %s%n", s, extra.size(),
                        score(extra, gold, errorsTo));
                out.printf(Locale.ROOT, "quotations, treebank %s training files (%d), same start, any end: %s%n", s,
                        extra.size(), starts(extra, gold));
                continue;
            }
            if (!train.isEmpty() && !"test".equals(s)) {
                List<TreebankDocuments.Doc> extra = TreebankDocuments.of(train, s);
                out.printf(Locale.ROOT, "quotations, treebank %s training files (%d), exact span: %s%n", s, extra.size(),
                        score(extra, gold, errorsTo));
                List<TreebankDocuments.Doc> both = new ArrayList<>(part);
                both.addAll(extra);
                out.printf(Locale.ROOT, "quotations, treebank %s, both (%d files), exact span: %s%n", s, both.size(),
                        score(both, gold, null));
                out.printf(Locale.ROOT, "quotations, treebank %s, both (%d files), same start, any end: %s%n", s,
                        both.size(), starts(both, gold));
            }
        }
    }

    /**
     * The splits to print for {@code split}: {@code all} is dev and dev2 to dev10 (each when a training file is in it), test
     * and all of them; any other is itself.
     */
    static List<String> splits(String split, List<TreebankDocuments.Doc> train) {
        if (!"all".equals(split)) {
            return List.of(split);
        }
        List<String> out = new ArrayList<>(List.of("dev"));
        TRAINING_SPLITS.stream().filter(s -> !TreebankDocuments.of(train, s).isEmpty()).forEach(out::add);
        out.addAll(List.of("test", "all"));
        return out;
    }

    /** Exact-span precision, recall and F1 of the quotation tagger on {@code docs}. */
    public static Prf score(List<TreebankDocuments.Doc> docs, List<TreebankQuoteGold.Span> gold, PrintStream errors) {
        QuoteTagger tagger = new QuoteTagger();
        Prf prf = new Prf();
        int[] kinds = new int[ErrorKind.values().length];
        int[] gaps = new int[Gap.values().length];
        int[][] byOpening = new int[Opening.values().length][ErrorKind.values().length];
        int[] paragraphs = new int[ErrorKind.values().length];
        for (TreebankDocuments.Doc doc : docs) {
            String text = doc.text();
            List<String> want = new ArrayList<>();
            gold.stream().filter(g -> g.document().equals(doc.id())).forEach(g -> want.add(key(g.start(), g.end())));
            List<String> found = new ArrayList<>();
            for (Quotation q : tagger.tag(text)) {
                found.add(key(q.start(), q.end()));
            }
            prf.add(want, found);
            if (errors != null) {
                TreeSet<String> missed = new TreeSet<>(want);
                missed.removeAll(found);
                TreeSet<String> extra = new TreeSet<>(found);
                extra.removeAll(want);
                missed.forEach(k -> errors.println("  " + doc.id() + " missed " + show(text, k)));
                extra.forEach(k -> errors.println("  " + doc.id() + " extra  " + show(text, k)));
                count(missed, extra, kinds);
                gaps(text, missed, extra, gaps);
                openings(text, missed, extra, byOpening, paragraphs);
            }
        }
        if (errors != null) {
            errors.printf(Locale.ROOT, "  errors by kind: %d ran on past the gold end, %d stopped before it (the same start), "
                    + "%d missed, %d found where the gold has none%n", kinds[ErrorKind.RAN_ON.ordinal()],
                    kinds[ErrorKind.STOPPED_EARLY.ordinal()], kinds[ErrorKind.MISSED.ordinal()], kinds[ErrorKind.EXTRA.ordinal()]);
            errors.printf(Locale.ROOT, "  boundary errors by how far the end is off: %d by punctuation or white space only, "
                    + "%d inside one sentence, %d by one sentence, %d by two or more%n", gaps[Gap.PUNCTUATION.ordinal()],
                    gaps[Gap.WORDS.ordinal()], gaps[Gap.ONE_SENTENCE.ordinal()], gaps[Gap.SENTENCES.ordinal()]);
            errors.println("  errors by how the quotation opens (ran on / stopped before / missed / found where the gold has none): "
                    + census(byOpening, paragraphs));
        }
        return prf;
    }

    /**
     * Precision, recall and F1 by the start alone: a found quotation that starts where a gold one starts counts, wherever
     * either ends. Beside the exact score it tells how much of the gap is where quotations end (boundaries) and how much
     * is quotations missed or found wrongly whole.
     */
    public static Prf starts(List<TreebankDocuments.Doc> docs, List<TreebankQuoteGold.Span> gold) {
        QuoteTagger tagger = new QuoteTagger();
        Prf prf = new Prf();
        for (TreebankDocuments.Doc doc : docs) {
            List<Integer> want = gold.stream().filter(g -> g.document().equals(doc.id())).map(TreebankQuoteGold.Span::start).toList();
            prf.add(want, tagger.tag(doc.text()).stream().map(Quotation::start).toList());
        }
        return prf;
    }

    /** How far a boundary error's end is from the gold end: the text between the two ends. */
    enum Gap { PUNCTUATION, WORDS, ONE_SENTENCE, SENTENCES }

    /**
     * Adds one document's boundary errors (a missed and a found span with the same start, as {@link #count}) to
     * {@code gaps}, by the text between the found end and the gold end: punctuation and white space only, words of the
     * sentence the shorter span stops in (a speaker cue taken in or left out), or one or more whole sentences.
     */
    static void gaps(String text, TreeSet<String> missed, TreeSet<String> extra, int[] gaps) {
        TreeSet<String> found = new TreeSet<>(extra);
        for (String m : missed) {
            String start = m.substring(0, 7);
            String same = found.stream().filter(e -> e.startsWith(start)).findFirst().orElse(null);
            if (same != null) {
                found.remove(same);
                gaps[gap(text, Integer.parseInt(m.substring(8)), Integer.parseInt(same.substring(8))).ordinal()]++;
            }
        }
    }

    static Gap gap(String text, int goldEnd, int foundEnd) {
        int shorter = Math.min(goldEnd, foundEnd);
        String between = text.substring(shorter, Math.max(goldEnd, foundEnd));
        if (!between.chars().anyMatch(Character::isLetterOrDigit)) {
            return Gap.PUNCTUATION;
        }
        long ends = SENTENCE_END.matcher(between.strip()).results().count();
        if (shorter > 0 && ".!?…»\"”".indexOf(text.charAt(shorter - 1)) < 0 && ends > 0) {
            ends--; // the shorter span stops inside a sentence (before a cue): the first end closes that sentence
        }
        return ends == 0 ? Gap.WORDS : ends == 1 ? Gap.ONE_SENTENCE : Gap.SENTENCES;
    }

    /**
     * How a quotation opens, told by the mark right before its inner start: a dialogue turn's dash, or the opening mark of
     * one of the forms real text uses.
     */
    enum Opening {
        DASH("dash turn"), GUILLEMETS("«»"), REVERSED("»«"), STRAIGHT("\"\""), RIGHT_QUOTES("”…”"), CURLY("“”"), SINGLE("‘’"),
        OTHER("other");

        final String label;

        Opening(String label) {
            this.label = label;
        }

        /** The form of the quotation whose inner text starts at {@code start}: the last character before it that is no space. */
        static Opening of(String text, int start) {
            int i = start;
            while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                i--;
            }
            if (i == 0) {
                return OTHER;
            }
            return switch (text.charAt(i - 1)) {
                case '-', '–', '—' -> DASH;
                case '«' -> GUILLEMETS;
                case '»' -> REVERSED;
                case '"' -> STRAIGHT;
                case '”' -> RIGHT_QUOTES;
                case '“', '„' -> CURLY;
                case '‘', '\'' -> SINGLE;
                default -> OTHER;
            };
        }
    }

    /**
     * Adds one document's errors to {@code byOpening}, by {@link Opening} and {@link ErrorKind} (paired as {@link #count}
     * pairs them), and to {@code paragraphs} those whose gold span (or, for a quotation found where the gold has none,
     * found span) runs over more than one paragraph.
     */
    static void openings(String text, TreeSet<String> missed, TreeSet<String> extra, int[][] byOpening, int[] paragraphs) {
        TreeSet<String> found = new TreeSet<>(extra);
        for (String m : missed) {
            String start = m.substring(0, 7);
            String same = found.stream().filter(e -> e.startsWith(start)).findFirst().orElse(null);
            ErrorKind kind = ErrorKind.MISSED;
            if (same != null) {
                found.remove(same);
                kind = same.compareTo(m) > 0 ? ErrorKind.RAN_ON : ErrorKind.STOPPED_EARLY;
            }
            add(text, m, kind, byOpening, paragraphs);
        }
        found.forEach(e -> add(text, e, ErrorKind.EXTRA, byOpening, paragraphs));
    }

    private static void add(String text, String key, ErrorKind kind, int[][] byOpening, int[] paragraphs) {
        int start = Integer.parseInt(key.substring(0, 7));
        byOpening[Opening.of(text, start).ordinal()][kind.ordinal()]++;
        if (text.substring(start, Integer.parseInt(key.substring(8))).indexOf('\n') >= 0) {
            paragraphs[kind.ordinal()]++;
        }
    }

    /** The census line: each opening with errors, its total and its counts by kind; then those over several paragraphs. */
    static String census(int[][] byOpening, int[] paragraphs) {
        List<String> parts = new ArrayList<>();
        for (Opening o : Opening.values()) {
            int[] k = byOpening[o.ordinal()];
            int total = IntStream.of(k).sum();
            if (total > 0) {
                parts.add(String.format(Locale.ROOT, "%s %d (%d/%d/%d/%d)", o.label, total, k[0], k[1], k[2], k[3]));
            }
        }
        parts.add(String.format(Locale.ROOT, "over several paragraphs %d (%d/%d/%d/%d)", IntStream.of(paragraphs).sum(),
                paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3]));
        return String.join(", ", parts);
    }

    /** How a quotation went wrong: its end (the start right), or all of it. */
    enum ErrorKind { RAN_ON, STOPPED_EARLY, MISSED, EXTRA }

    /**
     * Adds one document's errors to {@code kinds}: a missed and a found span with the same start are one boundary error
     * (the found one ran on past the gold end, or stopped before it); the others were missed or found wrongly whole.
     */
    static void count(TreeSet<String> missed, TreeSet<String> extra, int[] kinds) {
        TreeSet<String> found = new TreeSet<>(extra);
        for (String m : missed) {
            String start = m.substring(0, 7);
            String same = found.stream().filter(e -> e.startsWith(start)).findFirst().orElse(null);
            if (same == null) {
                kinds[ErrorKind.MISSED.ordinal()]++;
            } else {
                found.remove(same);
                kinds[(same.compareTo(m) > 0 ? ErrorKind.RAN_ON : ErrorKind.STOPPED_EARLY).ordinal()]++;
            }
        }
        kinds[ErrorKind.EXTRA.ordinal()] += found.size();
    }

    /** Every gold span must lie in its document and carry the check of the text it covers there. */
    static void check(List<TreebankDocuments.Doc> docs, List<TreebankQuoteGold.Span> gold) {
        for (TreebankQuoteGold.Span g : gold) {
            TreebankDocuments.Doc doc = docs.stream().filter(d -> d.id().equals(g.document())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no treebank document " + g.document()));
            String text = doc.text();
            if (g.end() > text.length() || !TreebankDocuments.check(text.substring(g.start(), g.end())).equals(g.check())) {
                throw new IllegalArgumentException("quotation gold " + g.document() + " " + g.start() + "-" + g.end()
                        + " does not match the text: give ../shared/nlp/norne-nob-ud-dev.conllu (and ../shared/nlp/ndt-nob-train)");
            }
        }
    }

    static String key(int start, int end) {
        return String.format(Locale.ROOT, "%07d-%07d", start, end);
    }

    private static String show(String text, String key) {
        int start = Integer.parseInt(key.substring(0, 7));
        int end = Integer.parseInt(key.substring(8));
        String inner = text.substring(start, end);
        if (inner.length() > 2 * CONTEXT) {
            inner = inner.substring(0, CONTEXT) + " … " + inner.substring(inner.length() - CONTEXT);
        }
        return (start + "-" + end + " " + text.substring(Math.max(0, start - 20), start) + "⟦" + inner + "⟧"
                + text.substring(end, Math.min(text.length(), end + 25))).replace('\n', '¶');
    }
}

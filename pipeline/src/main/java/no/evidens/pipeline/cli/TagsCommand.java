package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.corpus.tags.EvalDevGold;
import no.evidens.corpus.tags.GoldDocument;
import no.evidens.corpus.tags.GoldTag;
import no.evidens.corpus.tags.TagsGold;
import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.tag.PersonalNumber;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentTagger;
import no.evidens.pipeline.analyse.Spans;
import no.evidens.pipeline.analyse.Tags;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * {@code evidens tags}: evaluate the taggers (quotations, indicator mentions, legal references,
 * personal data) on the project's gold data, and show the codebook in force.
 *
 * <p>{@link CodebookOption} is the hook that lets {@code analyze} and {@code ingest} take
 * {@code --codebook FILE}: add {@code @Mixin TagsCommand.CodebookOption codebook;} and pass
 * {@code codebook.resolve(home)} to what tags.
 */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "Evaluate the taggers on the gold data; show the indicator codebook in force.",
        subcommands = {TagsCommand.Eval.class, TagsCommand.Codebooks.class})
public final class TagsCommand implements Callable<Integer> {

    /** Runs {@code evidens tags …} on its own (until the command is registered in {@link EvidensCli}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new TagsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        System.err.println("evidens tags: give a subcommand: eval or codebook (see --help)");
        return 2;
    }

    /**
     * {@code --codebook FILE}: the indicator codebook to tag with. Without it, {@code <home>/codebook.yaml}
     * (or .yml / .json) if there is one, else the default shipped with Evidens.
     */
    public static final class CodebookOption {
        @Option(names = "--codebook", paramLabel = "FILE",
                description = "Indicator codebook (YAML or JSON) to tag with; default: <home>/codebook.yaml if present, "
                        + "else the one shipped with Evidens.")
        Path file;

        /** The chosen codebook, for the caller to hand to what tags. */
        public Codebook resolve(EvidensHome home) {
            try {
                return Codebook.resolve(file, home == null ? null : home.root());
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "codebook", mixinStandardHelpOptions = true,
            description = "Print the indicator codebook in force: ids, labels and patterns.")
    static final class Codebooks implements Callable<Integer> {
        @Mixin
        CodebookOption codebook;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() {
            Codebook c = codebook.resolve(home.resolve());
            System.out.println("codebook: " + c.source() + " (" + c.indicators().size() + " indicators)");
            c.indicators().forEach(d -> System.out.printf("  %-24s %s: %s%n", d.id(), d.label(), String.join(" | ", d.patterns())));
            return 0;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Precision, recall and F1 per tag type and per indicator on the gold data in corpus "
                    + "(tags-gold), or with --eval-dev on the real excerpts in ../shared/eval-dev (offsets-only gold): "
                    + "quotations (exact inner span), indicator mentions (same id, overlapping span; exact span too), "
                    + "legal references (exact span, law and sections), personal data (exact span and type).")
    static final class Eval implements Callable<Integer> {
        static final String EVAL_DEV_DEFAULT = "../shared/eval-dev";

        @Option(names = "--split", defaultValue = "dev", paramLabel = "SPLIT",
                description = "dev, test or all (default: ${DEFAULT-VALUE}). Tune on dev only. "
                        + "With --eval-dev, all prints dev, test and both together.")
        String split;

        @Option(names = "--errors", description = "Also list every miss and false alarm.")
        boolean errors;

        @Option(names = "--eval-dev", arity = "0..1", paramLabel = "DIR", fallbackValue = EVAL_DEV_DEFAULT,
                description = "Evaluate on the real supervision-report excerpts in DIR (default " + EVAL_DEV_DEFAULT
                        + ") with the offsets-only gold shipped in corpus (tags-gold/eval-dev-offsets.tsv); "
                        + "dev = odd file numbers, test = even.")
        Path evalDev;

        @Mixin
        CodebookOption codebook;

        private Codebook book;

        @Override
        public Integer call() {
            book = codebook.resolve(null);
            if (!List.of("dev", "test", "all").contains(split)) {
                System.err.println("evidens tags eval: --split must be dev, test or all, not " + split);
                return 2;
            }
            if (evalDev != null) {
                return evalDev();
            }
            List<GoldDocument> docs = "all".equals(split) ? TagsGold.all() : TagsGold.split(split);
            if (docs.isEmpty()) {
                System.err.println("evidens tags eval: no gold documents in split " + split);
                return 1;
            }
            Evaluation e = Evaluation.run(docs, null, errors ? System.out : null, book);
            e.print(System.out, "Tag gold, split " + split, docs.size());
            return 0;
        }

        private Integer evalDev() {
            if (!Files.isDirectory(evalDev)) {
                System.err.println("evidens tags eval: the eval-dev folder " + evalDev.toAbsolutePath().normalize()
                        + " does not exist; give the folder of the real excerpts with --eval-dev DIR");
                return 1;
            }
            List<String> splits = "all".equals(split) ? List.of("dev", "test", "all") : List.of(split);
            for (String s : splits) {
                List<EvalDevGold.Excerpt> excerpts;
                try {
                    excerpts = EvalDevGold.load(evalDev, s);
                } catch (IllegalArgumentException x) {
                    System.err.println("evidens tags eval: " + x.getMessage());
                    return 1;
                }
                Evaluation e = Evaluation.run(excerpts.stream().map(EvalDevGold.Excerpt::document).toList(),
                        excerpts.stream().map(EvalDevGold.Excerpt::annotated).toList(),
                        errors && !"all".equals(s) ? System.out : null, book);
                Map<String, Long> perKind = new TreeMap<>();
                excerpts.forEach(x -> x.annotated().forEach(k -> perKind.merge(k, 1L, Long::sum)));
                System.out.println();
                e.print(System.out, "eval-dev " + evalDev + ", split " + s + " (files annotated per kind: q "
                        + perKind.getOrDefault("q", 0L) + ", l " + perKind.getOrDefault("l", 0L) + ", i "
                        + perKind.getOrDefault("i", 0L) + ", p " + perKind.getOrDefault("p", 0L) + ")", excerpts.size());
            }
            return 0;
        }
    }

    /** Counts of one kind of tag. */
    static final class Count {
        long tp;
        long predicted;
        long gold;

        double p() {
            return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) tp / predicted;
        }

        double r() {
            return gold == 0 ? (predicted == 0 ? 1 : 0) : (double) tp / gold;
        }

        double f() {
            return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r());
        }
    }

    /** The comparison of tagger output with the gold data. */
    static final class Evaluation {
        final Map<String, Count> rows = new TreeMap<>();
        final Map<String, Count> indicators = new TreeMap<>();
        final Map<String, Count> pii = new TreeMap<>();
        long invalidNumbersTagged;
        long sentences;

        Count row(String name) {
            return rows.computeIfAbsent(name, k -> new Count());
        }

        /**
         * Tags every document and compares; {@code annotated} (null: everything) says per document which
         * kinds of tag ({@code q l i p}) its gold covers, so that unannotated kinds are not counted.
         */
        static Evaluation run(List<GoldDocument> docs, List<Set<String>> annotated, PrintStream errors, Codebook codebook) {
            DocumentTagger tagger = new DocumentTagger(NorwegianModels.shared(), codebook);
            Evaluation e = new Evaluation();
            for (int k = 0; k < docs.size(); k++) {
                GoldDocument d = docs.get(k);
                Tags t = tagger.tag(new NormalisedText(d.text(), List.of(0)));
                e.sentences += t.sentences().size();
                e.compare(d, t, annotated == null ? Set.of("q", "l", "i", "p") : annotated.get(k), errors);
            }
            return e;
        }

        private record Item(String label, int start, int end, String extra) {
        }

        void compare(GoldDocument d, Tags t, Set<String> kinds, PrintStream errors) {
            String text = d.text();
            if (kinds.contains("q")) {
                compareQuotes(d, t, errors);
            }
            if (kinds.contains("l")) {
                compareLegalRefs(d, t, errors);
            }
            if (kinds.contains("p")) {
                comparePii(d, t, errors);
            }
            if (kinds.contains("i")) {
                compareIndicators(d, t, errors);
            }
        }

        private void compareQuotes(GoldDocument d, Tags t, PrintStream errors) {
            String text = d.text();
            // quotations: exact inner span
            exact("quotations (exact span)", d.name(), text,
                    d.tags("q").stream().map(g -> new Item("", g.start(), g.end(), "")).toList(),
                    t.quotes().stream().map(q -> new Item("", q.start(), q.end(), "")).toList(), null, errors);
        }

        private void compareLegalRefs(GoldDocument d, Tags t, PrintStream errors) {
            String text = d.text();
            // legal references: exact span + law + sections; and span only
            exact("legal references (span, law, sections)", d.name(), text,
                    d.tags("l").stream().map(g -> new Item(g.label(), g.start(), g.end(), String.join(", ", g.sections()))).toList(),
                    t.legalRefs().stream().map(r -> new Item(r.law() == null ? "?" : r.law(), r.start(), r.end(),
                            String.join(", ", r.sections()))).toList(), null, errors);
            exact("legal references (span only)", d.name(), text,
                    d.tags("l").stream().map(g -> new Item("", g.start(), g.end(), "")).toList(),
                    t.legalRefs().stream().map(r -> new Item("", r.start(), r.end(), "")).toList(), null, null);
        }

        private void comparePii(GoldDocument d, Tags t, PrintStream errors) {
            String text = d.text();
            // personal data: exact span and type, per type
            exact("personal data (exact span, type)", d.name(), text,
                    d.tags("p").stream().map(g -> new Item(g.label(), g.start(), g.end(), "")).toList(),
                    t.pii().stream().map(p -> new Item(p.type(), p.start(), p.end(), "")).toList(), pii, errors);
            for (Spans.Pii p : t.pii()) {
                if (p.type().equals("FODSELSNUMMER") || p.type().equals("D_NUMMER")) {
                    if (!PersonalNumber.isValid(text.substring(p.start(), p.end()).replaceAll("\\D", ""))) {
                        invalidNumbersTagged++;
                    }
                }
            }
        }

        private void compareIndicators(GoldDocument d, Tags t, PrintStream errors) {
            String text = d.text();
            // indicators: same id, overlapping span (one to one); and exact span
            List<Item> gi = d.tags("i").stream().map(g -> new Item(g.label(), g.start(), g.end(), "")).toList();
            List<Item> pi = t.indicators().stream().map(m -> new Item(m.id(), m.start(), m.end(), "")).toList();
            overlap("indicator mentions (id, overlapping span)", d.name(), text, gi, pi, indicators, errors);
            exact("indicator mentions (id, exact span)", d.name(), text, gi, pi, null, null);
        }

        private void exact(String row, String doc, String text, List<Item> gold, List<Item> predicted,
                           Map<String, Count> byLabel, PrintStream errors) {
            Count c = row(row);
            c.gold += gold.size();
            c.predicted += predicted.size();
            for (Item p : predicted) {
                boolean hit = gold.contains(p);
                if (hit) {
                    c.tp++;
                } else if (errors != null) {
                    errors.printf("FALSE %-10s %s %s [%s] %s%n", row.split(" ")[0], doc, p.label(), text.substring(p.start(), p.end()), p.extra());
                }
                if (byLabel != null) {
                    Count l = byLabel.computeIfAbsent(p.label(), k -> new Count());
                    l.predicted++;
                    if (hit) {
                        l.tp++;
                    }
                }
            }
            for (Item g : gold) {
                if (byLabel != null) {
                    byLabel.computeIfAbsent(g.label(), k -> new Count()).gold++;
                }
                if (errors != null && !predicted.contains(g)) {
                    errors.printf("MISSED %-9s %s %s [%s] %s%n", row.split(" ")[0], doc, g.label(), text.substring(g.start(), g.end()), g.extra());
                }
            }
        }

        private void overlap(String row, String doc, String text, List<Item> gold, List<Item> predicted,
                             Map<String, Count> byLabel, PrintStream errors) {
            Count c = row(row);
            c.gold += gold.size();
            c.predicted += predicted.size();
            boolean[] used = new boolean[gold.size()];
            for (Item p : predicted) {
                Count l = byLabel.computeIfAbsent(p.label(), k -> new Count());
                l.predicted++;
                int match = -1;
                for (int k = 0; k < gold.size(); k++) {
                    Item g = gold.get(k);
                    if (!used[k] && g.label().equals(p.label()) && g.start() < p.end() && p.start() < g.end()) {
                        match = k;
                        break;
                    }
                }
                if (match >= 0) {
                    used[match] = true;
                    c.tp++;
                    l.tp++;
                } else if (errors != null) {
                    errors.printf("FALSE indicator %s %s [%s]%n", doc, p.label(), text.substring(p.start(), p.end()));
                }
            }
            for (int k = 0; k < gold.size(); k++) {
                byLabel.computeIfAbsent(gold.get(k).label(), x -> new Count()).gold++;
                if (!used[k] && errors != null) {
                    Item g = gold.get(k);
                    errors.printf("MISSED indicator %s %s [%s]%n", doc, g.label(), text.substring(g.start(), g.end()));
                }
            }
        }

        void print(PrintStream out, String title, int documents) {
            out.printf("%s: %d documents, %d sentences (sentence model)%n%n", title, documents, sentences);
            table(out, "tag type", rows);
            out.println();
            table(out, "personal data type", pii);
            out.printf("fødselsnummer/D-number tagged with an invalid check digit: %d%n%n", invalidNumbersTagged);
            table(out, "indicator (overlap)", indicators);
        }

        private static void table(PrintStream out, String title, Map<String, Count> rows) {
            out.printf("%-42s %6s %6s %6s %7s %7s %7s%n", title, "gold", "found", "right", "P", "R", "F1");
            rows.forEach((name, c) -> out.printf(Locale.ROOT, "%-42s %6d %6d %6d %7.4f %7.4f %7.4f%n",
                    name, c.gold, c.predicted, c.tp, c.p(), c.r(), c.f()));
        }
    }

    /** Writes a text to a file (for reports). */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests: the gold tags of one kind as a list of strings. */
    static List<String> describe(List<GoldTag> tags, String text) {
        List<String> out = new ArrayList<>();
        tags.forEach(t -> out.add(t.kind() + ":" + t.label() + "[" + text.substring(t.start(), t.end()) + "]"));
        return out;
    }
}

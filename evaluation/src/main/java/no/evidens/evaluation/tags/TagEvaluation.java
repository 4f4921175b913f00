package no.evidens.evaluation.tags;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import no.evidens.models.codebook.Codebook;
import no.evidens.corpus.tags.GoldDocument;
import no.evidens.models.NorwegianModels;
import no.evidens.models.tag.PersonalNumber;
import no.evidens.pipeline.analyse.DocumentTagger;
import no.evidens.pipeline.analyse.Spans;
import no.evidens.pipeline.analyse.Tags;
import no.evidens.pipeline.normalise.NormalisedText;

/** The comparison of tagger output with the gold data. */
public final class TagEvaluation {
    /** The row of quotations matched by exact inner span. */
    public static final String QUOTATIONS = "quotations (exact span)";
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
    public static TagEvaluation run(List<GoldDocument> docs, List<Set<String>> annotated, PrintStream errors,
                                    Codebook codebook) {
        DocumentTagger tagger = new DocumentTagger(NorwegianModels.shared(), codebook);
        TagEvaluation e = new TagEvaluation();
        for (int k = 0; k < docs.size(); k++) {
            GoldDocument d = docs.get(k);
            Tags t = tagger.tag(new NormalisedText(d.text(), List.of(0)));
            e.sentences += t.sentences().size();
            e.compare(d, t, annotated == null ? Set.of("q", "l", "i", "p") : annotated.get(k), errors);
        }
        return e;
    }

    /**
     * Quotations only: for documents whose gold marks nothing else ({@code TagsGold.news()}), so the other taggers' finds
     * are not counted as false alarms.
     */
    public static TagEvaluation quotations(List<GoldDocument> docs, PrintStream errors, Codebook codebook) {
        return run(docs, docs.stream().map(d -> Set.of("q")).toList(), errors, codebook);
    }

    /** The counts of one row of the tag-type table, as gold, found and right; null when the row was never scored. */
    public long[] counts(String row) {
        Count c = rows.get(row);
        return c == null ? null : new long[] {c.gold, c.predicted, c.tp};
    }

    /** The rows of the tag-type table scored so far. */
    public Set<String> rowNames() {
        return Set.copyOf(rows.keySet());
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
        exact(QUOTATIONS, d.name(), text,
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
            if (p.type().equals("FODSELSNUMMER") || p.type().equals("D_NUMMER") || p.type().equals("H_NUMMER")) {
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
        List<Item> pi = t.indicators().stream().filter(m -> !"model".equals(m.source())).map(m -> new Item(m.id(), m.start(), m.end(), "")).toList();
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

    public void print(PrintStream out, String title, int documents) {
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
}

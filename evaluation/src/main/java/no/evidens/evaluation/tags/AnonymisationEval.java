package no.evidens.evaluation.tags;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.index.Passage;
import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.tag.PiiTagger;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.analyse.DocumentTagger;
import no.evidens.pipeline.analyse.Tags;
import no.evidens.pipeline.export.Anonymiser;
import no.evidens.pipeline.export.Persons;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.passages.PassageBuilder;

/**
 * How well an anonymised export hides persons, along the export's own path: each document is tagged
 * and cut into passages as ingestion does ({@link DocumentTagger}, {@link PassageBuilder}), every passage
 * is taken as a quotation of one finding per document and anonymised as {@code export --anonymise} does
 * it (the document's text as context). Counted against gold person mentions inside passages: mentions left
 * whole (no word masked), left in part (some name word not masked, e.g. a first name beside a masked
 * surname), and words masked as persons that are no part of a person mention (with how many of them
 * are gold places or organisations). In process: the findings store and the index are left out, since
 * they carry the passage text unchanged.
 */
public final class AnonymisationEval {
    /** A document with its gold names: {@code PER} mentions, and {@code ORG}/{@code LOC} where known. */
    public record GoldText(String name, String text, List<TaggedSpan> names) {
    }

    /** The counts of one run. */
    public record Counts(int documents, int passages, int mentions, int whole, int part, int nonPersonWords,
                         int nonPersonNamedWords) {
        /** No run yet: the start of a sum. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        public void print(PrintStream out, String title) {
            out.printf("%s: %d documents, %d passages quoted%n", title, documents, passages);
            out.printf(java.util.Locale.ROOT, "  person mentions quoted %d: left whole %d (%.1f%%), left in part %d (%.1f%%), leaked in all %.1f%%%n",
                    mentions, whole, pct(whole), part, pct(part), pct(whole + part));
            out.printf("  words masked that are no person: %d (of them in a gold place or organisation name: %d)%n",
                    nonPersonWords, nonPersonNamedWords);
        }

        /** These counts and another run's together (the documents are counted apart, so they add up). */
        public Counts plus(Counts o) {
            return new Counts(documents + o.documents, passages + o.passages, mentions + o.mentions, whole + o.whole,
                    part + o.part, nonPersonWords + o.nonPersonWords, nonPersonNamedWords + o.nonPersonNamedWords);
        }

        private double pct(int n) {
            return mentions == 0 ? 0 : 100.0 * n / mentions;
        }
    }

    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}]+");

    private final DocumentTagger tagger;
    private final Anonymiser anonymiser;
    private final PassageBuilder passages = new PassageBuilder();

    public AnonymisationEval(NorwegianModels models, Codebook codebook, Anonymiser anonymiser) {
        this.tagger = new DocumentTagger(models, codebook);
        this.anonymiser = anonymiser;
    }

    public Counts run(List<GoldText> docs, PrintStream errors) {
        int passageCount = 0;
        int mentions = 0;
        int whole = 0;
        int part = 0;
        int nonPerson = 0;
        int nonPersonNamed = 0;
        for (GoldText d : docs) {
            NormalisedText text = new NormalisedText(d.text(), List.of(0));
            Tags t = tagger.tag(text);
            DocumentAnalysis analysis = new DocumentAnalysis(d.name(), "", "text/plain", "nb", 1, d.text(), t.sentences(),
                    t.quotes(), t.indicators(), t.legalRefs(), t.pii(), t.entities());
            Persons persons = new Persons();
            List<TaggedSpan> masked = new ArrayList<>();
            List<int[]> quoted = new ArrayList<>();
            for (Passage p : passages.build(new PassageBuilder.Source("eval", d.name(), d.name(), "annet", d.name()), analysis)) {
                passageCount++;
                quoted.add(new int[] {p.start(), p.end()});
                String passageText = d.text().substring(p.start(), p.end());
                for (TaggedSpan s : anonymiser.spans(passageText, persons, List.of(d.text()))) {
                    if (PiiTagger.PERSON.equals(s.type())) {
                        masked.add(new TaggedSpan(s.type(), p.start() + s.start(), p.start() + s.end()));
                    }
                }
            }
            for (TaggedSpan g : d.names()) {
                if (!"PER".equals(g.type()) || quoted.stream().noneMatch(q -> q[0] <= g.start() && g.end() <= q[1])) {
                    continue;
                }
                mentions++;
                List<int[]> words = words(d.text(), g.start(), g.end());
                long covered = words.stream().filter(w -> overlaps(masked, w[0], w[1])).count();
                if (covered == 0) {
                    whole++;
                    report(errors, "WHOLE", d, g.start(), g.end());
                } else if (covered < words.size()) {
                    part++;
                    report(errors, "PART ", d, g.start(), g.end());
                }
            }
            for (TaggedSpan m : masked) {
                for (int[] w : words(d.text(), m.start(), m.end())) {
                    boolean person = d.names().stream().anyMatch(g -> "PER".equals(g.type()) && g.start() < w[1] && w[0] < g.end());
                    if (!person) {
                        nonPerson++;
                        boolean named = d.names().stream().anyMatch(g -> g.start() < w[1] && w[0] < g.end());
                        nonPersonNamed += named ? 1 : 0;
                        report(errors, "MASK ", d, w[0], w[1]);
                    }
                }
            }
        }
        return new Counts(docs.size(), passageCount, mentions, whole, part, nonPerson, nonPersonNamed);
    }

    private static boolean overlaps(List<TaggedSpan> spans, int a, int b) {
        return spans.stream().anyMatch(s -> s.start() < b && a < s.end());
    }

    /** The capitalised words of a span (a name's words; the whole span if it has none). */
    private static List<int[]> words(String text, int start, int end) {
        List<int[]> out = new ArrayList<>();
        Matcher m = NAME_WORD.matcher(text).region(start, end);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        if (out.isEmpty()) {
            out.add(new int[] {start, end});
        }
        return out;
    }

    private static void report(PrintStream errors, String kind, GoldText d, int start, int end) {
        if (errors != null) {
            // with offsets and up to 40 characters either side, to read the case; printed only, never stored
            String t = d.text();
            errors.printf("  %s %s [%s] %d-%d  …%s[%s]%s…%n", kind, d.name(), t.substring(start, end), start, end,
                    t.substring(Math.max(0, start - 40), start).replace('\n', ' '), t.substring(start, end),
                    t.substring(end, Math.min(t.length(), end + 40)).replace('\n', ' '));
        }
    }
}

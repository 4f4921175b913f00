package no.evidens.evaluation.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.corpus.MixedBundle;
import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.indicator.IndicatorClassifier;
import no.evidens.models.indicator.ParagraphIndicators;
import no.evidens.models.tag.IndicatorMention;
import no.evidens.models.tag.IndicatorTagger;
import no.evidens.models.tag.LegalRefTagger;
import no.evidens.models.tag.PiiTagger;
import no.evidens.models.tag.QuoteTagger;
import no.evidens.pipeline.analyse.DocumentTagger;
import no.evidens.pipeline.analyse.LanguageGuesser;
import no.evidens.pipeline.analyse.Tags;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;

/**
 * {@code evidens bench tagging}: the CPU time of tagging alone, in one thread, over the texts of the generated
 * bundle of {@code bench ingest} (extracted and normalised in process first, not timed): the whole tagger as
 * ingest calls it plus the language guess, then each stage of it on its own, measured as this thread's CPU
 * time (so other processes on the machine do not count). The first round warms the JIT and is not counted.
 */
public final class TaggingBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaggingBench() {
    }

    public static void run(int docs, int rounds, PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("evidens-bench-tagging");
        List<NormalisedText> texts = new ArrayList<>();
        try {
            TikaExtractor tika = new TikaExtractor(TikaExtractor.DEFAULT_MAX_CHARS, false);
            TextNormaliser normaliser = new TextNormaliser();
            for (Path file : MixedBundle.writeTo(dir, docs, 14L)) {
                try {
                    collect(normaliser, tika.extract(file), texts);
                } catch (ExtractionException e) {
                    out.printf("not read: %s (%s)%n", file.getFileName(), e.getMessage());
                }
            }
        } finally {
            org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
        }
        long chars = texts.stream().mapToLong(t -> t.text().length()).sum();
        out.printf(java.util.Locale.ROOT, "%d texts (%d documents, attachments apart), %.1f MB of text; %d rounds after one to warm up%n",
                texts.size(), docs, chars / 1e6, rounds);
        NorwegianModels models = NorwegianModels.shared();
        Codebook codebook = Codebook.defaults();
        Stages stages = new Stages(models, codebook);
        Map<String, Long> nanos = new LinkedHashMap<>();
        long checksum = 0;
        long[] runs = new long[4];
        for (int r = 0; r <= rounds; r++) {
            Map<String, Long> round = new LinkedHashMap<>();
            // The name finder remembers the runs of tokens it has searched (RememberingNameFinder): each pass starts
            // with none remembered, so every round costs what a first ingest of these texts does.
            models.forgetNameRuns();
            for (NormalisedText t : texts) {
                checksum += stages.whole(t, round);
            }
            long[] counts = models.nameRunCounts();
            models.forgetNameRuns();
            for (NormalisedText t : texts) {
                stages.apart(t, round);
            }
            if (r > 0) {
                round.forEach((k, v) -> nanos.merge(k, v, Long::sum));
                for (int i = 0; i < runs.length; i++) {
                    runs[i] += counts[i];
                }
            }
        }
        long whole = nanos.get("whole: tagger + language");
        out.printf("%-48s %12s %12s %8s%n", "stage (thread CPU, one thread)", "CPU ms/text", "CPU s/1000", "share");
        nanos.forEach((k, v) -> out.printf(java.util.Locale.ROOT, "%-48s %12.2f %12.2f %7.1f%%%n", k, v / 1e6 / rounds / texts.size(),
                v / 1e9 / rounds / texts.size() * 1000, 100.0 * v / whole));
        out.printf(java.util.Locale.ROOT, "name finder, whole tagger: %d runs of tokens searched, %d answered from memory (%.1f%%); in the runs"
                + " searched, %d contexts (a token in one sequence of the beam) worked out by the model, %d from memory (%.1f%%)%n",
                runs[0], runs[1], 100.0 * runs[1] / Math.max(1, runs[0] + runs[1]),
                runs[2], runs[3], 100.0 * runs[3] / Math.max(1, runs[2] + runs[3]));
        out.printf("checksum of the tags (same code, same figure): %d%n", checksum);
        out.flush();
    }

    private static void collect(TextNormaliser normaliser, Extraction e, List<NormalisedText> into) {
        if (e == null) {
            return;
        }
        NormalisedText n = normaliser.normalise(e);
        if (!n.text().isEmpty()) { // an empty text is not tagged by the ingest either
            into.add(n);
        }
        for (Extraction.Embedded child : e.embedded()) {
            collect(normaliser, child.extraction(), into);
        }
    }

    /** The tagger as ingest calls it, then its stages one by one, each timed. */
    private static final class Stages {
        private final NorwegianModels models;
        private final DocumentTagger tagger;
        private final LanguageGuesser languages = new LanguageGuesser();
        private final IndicatorTagger indicators;
        private final ParagraphIndicators paragraphs;
        private final PiiTagger pii = new PiiTagger();
        private final QuoteTagger quotes = new QuoteTagger();
        private final LegalRefTagger legal = new LegalRefTagger();

        Stages(NorwegianModels models, Codebook codebook) {
            this.models = models;
            this.tagger = new DocumentTagger(models, codebook);
            this.indicators = new IndicatorTagger(codebook, models);
            this.paragraphs = new ParagraphIndicators(codebook, IndicatorClassifier.bundled());
        }

        /** The whole tagger as {@code analyze} calls it, and the language guess; a checksum of their output. */
        long whole(NormalisedText doc, Map<String, Long> nanos) {
            String text = doc.text();
            long t0 = cpu();
            Tags tags = tagger.tag(doc);
            long t1 = cpu();
            String language = languages.guess(text);
            long t2 = cpu();
            nanos.merge("whole: tagger + language", t2 - t0, Long::sum);
            nanos.merge("  tagger (DocumentTagger.tag)", t1 - t0, Long::sum);
            nanos.merge("  language guess", t2 - t1, Long::sum);
            return tags.toString().hashCode() * 31L + language.hashCode();
        }

        /** Each stage of the tagger on its own (a pass of its own over the texts, see {@code run}). */
        void apart(NormalisedText doc, Map<String, Long> nanos) {
            String text = doc.text();
            long s = cpu();
            // The tagger as an ingest and a reindex call it: no language guess, no names, no personal data (round 54).
            tagger.tagForIndex(doc);
            s = lap(nanos, "  as ingest tags (DocumentTagger.tagForIndex)", s);
            List<TaggedSpan> sentences = models.sentences(text);
            s = lap(nanos, "    sentences", s);
            List<String> sentenceTexts = new ArrayList<>();
            List<List<TaggedSpan>> tokens = new ArrayList<>();
            for (TaggedSpan sentence : sentences) {
                String st = sentence.cut(text);
                sentenceTexts.add(st);
                tokens.add(models.tokensOfSentence(st));
            }
            s = lap(nanos, "    tokens", s);
            models.namesOfDocument(sentenceTexts, tokens);
            s = lap(nanos, "    names", s);
            pii.tag(text);
            s = lap(nanos, "    personal data", s);
            quotes.tag(text, doc.furniture());
            s = lap(nanos, "    quotations", s);
            List<IndicatorMention> mentions = indicators.tag(text, sentences, tokens);
            s = lap(nanos, "    indicators: codebook patterns", s);
            for (int[] p : ParagraphIndicators.paragraphs(text)) {
                List<IndicatorMention> inside = mentions.stream().filter(m -> m.start() >= p[0] && m.end() <= p[1]).toList();
                paragraphs.categorise(text.substring(p[0], p[1]), inside);
            }
            s = lap(nanos, "    indicators: paragraph classifier", s);
            legal.tag(text);
            lap(nanos, "    legal references", s);
        }

        private static long lap(Map<String, Long> nanos, String stage, long since) {
            long now = cpu();
            nanos.merge(stage, now - since, Long::sum);
            return now;
        }

        private static long cpu() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }
}

package no.evidens.evaluation.tags;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import no.evidens.corpus.tags.GoldDocument;
import no.evidens.corpus.tags.GoldTag;
import no.evidens.corpus.tags.TagsGold;
import no.evidens.models.TaggedSpan;
import no.evidens.models.eval.NameEvaluation;
import no.evidens.models.train.Detokenizer;
import no.evidens.models.train.ModelTrainer;
import no.evidens.models.train.NdtReader;
import no.evidens.models.train.NdtSentence;
import no.evidens.models.train.NdtToken;
import opennlp.tools.util.Span;

/** The texts the anonymisation is measured on, with their gold names. */
public final class AnonymisationTexts {
    /** The project's fictional journal full of names (corpus, inline {@code {p:PERSON|…}} markup). */
    public static final String JOURNAL = "/anonymisation/journal-fullt-av-navn.txt";

    private AnonymisationTexts() {
    }

    /** The fictional journal full of names. */
    public static AnonymisationEval.GoldText journal() {
        try (InputStream in = AnonymisationTexts.class.getResourceAsStream(JOURNAL)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + JOURNAL);
            }
            return persons(TagsGold.parse("journal-fullt-av-navn.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The written stress set q4 (round 29 of anonymisation, issue 15): fictional texts full of names of the kinds that leak —
     * names that are common words, nicknames, foreign names, names in lists and headings — labelled while written (corpus,
     * inline {@code {p:PERSON|…}} markup, as the journal). Dev material: never read for the test split.
     */
    public static final List<String> STRESS_Q4 = List.of("nyhet-skiskyting.txt", "blogg-helg.txt", "referat-ansvarsgruppe.txt");

    /**
     * The written stress set q5 (round 30 of anonymisation, issue 15): what q4 left — pen names after {@code skriver som},
     * pets after {@code som heter}, given names that are common words before a strong past tense, misspelt surnames,
     * nicknames inside names, given names no list had — in a news item, a blog and a follow-up note, labelled while
     * written and committed before any tagger ran on it. Dev material: never read for the test split.
     */
    public static final List<String> STRESS_Q5 = List.of("nyhet-fergekai.txt", "blogg-hundeliv.txt", "notat-oppfolging.txt");

    /**
     * The written stress set q6 (round 31 of anonymisation, issue 15): the kinds the issue lists as leaking — full names after
     * a party or a title, lone surnames after a title, foreign and short given names, names in «», names in headlines,
     * bylines, captions, programmes and lists — among places, firms and institutions that must stay, in a council news item,
     * a festival report and a blog; labelled while written and committed before any tagger ran on it. Dev material: never
     * read for the test split.
     */
    public static final List<String> STRESS_Q6 = List.of("nyhet-kommunestyre.txt", "reportasje-festival.txt", "blogg-dugnad.txt");

    /** The documents of the written stress set q4 ({@link #STRESS_Q4}). */
    public static List<AnonymisationEval.GoldText> stressQ4() {
        return stressSet("q4", STRESS_Q4);
    }

    /** The documents of the written stress set q5 ({@link #STRESS_Q5}). */
    public static List<AnonymisationEval.GoldText> stressQ5() {
        return stressSet("q5", STRESS_Q5);
    }

    /** The documents of the written stress set q6 ({@link #STRESS_Q6}). */
    public static List<AnonymisationEval.GoldText> stressQ6() {
        return stressSet("q6", STRESS_Q6);
    }

    private static List<AnonymisationEval.GoldText> stressSet(String folder, List<String> names) {
        List<AnonymisationEval.GoldText> out = new ArrayList<>();
        for (String name : names) {
            String resource = "/anonymisation/" + folder + "/" + name;
            try (InputStream in = AnonymisationTexts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                out.add(persons(TagsGold.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The tag-gold documents of a split, with their person marks. */
    public static List<AnonymisationEval.GoldText> tagsGold(String split) {
        List<GoldDocument> docs = "all".equals(split) ? TagsGold.all() : TagsGold.split(split);
        return docs.stream().map(AnonymisationTexts::persons).toList();
    }

    private static AnonymisationEval.GoldText persons(GoldDocument d) {
        List<TaggedSpan> names = new ArrayList<>();
        for (GoldTag t : d.tags("p")) {
            if ("PERSON".equals(t.label())) {
                names.add(new TaggedSpan("PER", t.start(), t.end()));
            }
        }
        return new AnonymisationEval.GoldText(d.name(), d.text(), names);
    }

    /**
     * The treebank's dev-part files of a split (news, blogs, magazines, reports; never trained on), or the held-out
     * train-part files ({@code holdout}), each
     * rebuilt as one document: sentences joined by a space, a blank line at each paragraph end.
     */
    public static List<AnonymisationEval.GoldText> treebank(Path ndtDir, String split) throws IOException {
        List<AnonymisationEval.GoldText> out = new ArrayList<>();
        for (Path file : NameEvaluation.files(ndtDir, split)) {
            StringBuilder text = new StringBuilder();
            List<TaggedSpan> names = new ArrayList<>();
            boolean paragraphEnd = false;
            for (NdtSentence sentence : NdtReader.read(file)) {
                if (text.length() > 0) {
                    text.append(paragraphEnd ? "\n\n" : " ");
                }
                int base = text.length();
                Detokenizer.Rebuilt rebuilt = Detokenizer.rebuild(sentence.tokens().stream().map(NdtToken::form).toList());
                for (Span n : ModelTrainer.nameSpans(sentence)) {
                    Span a = rebuilt.spans()[n.getStart()];
                    Span b = rebuilt.spans()[n.getEnd() - 1];
                    if (a != null && b != null) {
                        names.add(new TaggedSpan(n.getType(), base + a.getStart(), base + b.getEnd()));
                    }
                }
                text.append(rebuilt.text());
                paragraphEnd = sentence.paragraphEnd();
            }
            out.add(new AnonymisationEval.GoldText(file.getFileName().toString(), text.toString(), names));
        }
        return out;
    }
}

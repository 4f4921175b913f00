package no.evidens.pipeline.analyse;

import java.util.ArrayList;
import java.util.List;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * Runs the Norwegian taggers of {@code models} over a normalised document (no sentence crosses a
 * paragraph) and places every span on its page. Names are found document by document, so that a
 * full name early on helps recognise the surname alone later.
 */
public final class DocumentTagger {
    private final NorwegianModels models;

    public DocumentTagger(NorwegianModels models) {
        this.models = models;
    }

    public Tags tag(NormalisedText doc) {
        String text = doc.text();
        List<TaggedSpan> sentenceSpans = models.sentences(text);
        List<Spans.Sentence> sentences = new ArrayList<>(sentenceSpans.size());
        List<String> sentenceTexts = new ArrayList<>(sentenceSpans.size());
        List<List<TaggedSpan>> tokens = new ArrayList<>(sentenceSpans.size());
        for (TaggedSpan s : sentenceSpans) {
            sentences.add(new Spans.Sentence(s.start(), s.end(), doc.pageOf(s.start())));
            String sentence = s.cut(text);
            sentenceTexts.add(sentence);
            tokens.add(models.tokensOfSentence(sentence));
        }
        List<Spans.Entity> entities = new ArrayList<>();
        List<Spans.Pii> pii = new ArrayList<>();
        List<List<TaggedSpan>> names = models.namesOfDocument(sentenceTexts, tokens);
        for (int i = 0; i < names.size(); i++) {
            int offset = sentenceSpans.get(i).start();
            for (TaggedSpan n : names.get(i)) {
                int start = offset + n.start();
                int end = offset + n.end();
                entities.add(new Spans.Entity(n.type(), start, end, text.substring(start, end)));
                if ("PER".equals(n.type())) {
                    pii.add(new Spans.Pii("PERSON", start, end));
                }
            }
        }
        return new Tags(sentences, List.of(), List.of(), List.of(), pii, entities);
    }
}

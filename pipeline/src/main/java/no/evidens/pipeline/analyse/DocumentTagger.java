package no.evidens.pipeline.analyse;

import java.util.ArrayList;
import java.util.List;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * Runs the Norwegian taggers of {@code models} over a normalised document, paragraph by paragraph
 * (no sentence crosses a paragraph), and places every span on its page.
 */
public final class DocumentTagger {
    private final NorwegianModels models;

    public DocumentTagger(NorwegianModels models) {
        this.models = models;
    }

    public Tags tag(NormalisedText doc) {
        String text = doc.text();
        List<Spans.Sentence> sentences = new ArrayList<>();
        List<Spans.Entity> entities = new ArrayList<>();
        List<Spans.Pii> pii = new ArrayList<>();
        for (int[] para : doc.paragraphs()) {
            String paragraph = text.substring(para[0], para[1]);
            for (TaggedSpan s : models.sentences(paragraph)) {
                int start = para[0] + s.start();
                sentences.add(new Spans.Sentence(start, para[0] + s.end(), doc.pageOf(start)));
            }
            for (TaggedSpan n : models.names(paragraph)) {
                int start = para[0] + n.start();
                int end = para[0] + n.end();
                entities.add(new Spans.Entity(n.type(), start, end, text.substring(start, end)));
                if ("PER".equals(n.type())) {
                    pii.add(new Spans.Pii("PERSON", start, end));
                }
            }
        }
        return new Tags(sentences, List.of(), List.of(), List.of(), pii, entities);
    }
}

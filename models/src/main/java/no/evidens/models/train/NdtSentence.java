package no.evidens.models.train;

import java.util.List;

/**
 * One treebank sentence without its {@code |} tokens; {@code paragraphEnd} tells whether it had one,
 * i.e. whether it is a heading or ends a paragraph.
 */
public record NdtSentence(List<NdtToken> tokens, boolean paragraphEnd) {
    public NdtSentence {
        tokens = List.copyOf(tokens);
    }
}

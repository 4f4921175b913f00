package no.evidens.models.tag;

import java.util.stream.Collectors;

/** The quotations {@link QuoteTagger} finds in a text, shown the one way the quotation tests compare them. */
final class ShownQuotes {
    private static final QuoteTagger TAGGER = new QuoteTagger();

    private ShownQuotes() {
    }

    /** Each quotation as {@code mark|inner text}, joined by " ## ". */
    static String show(String text) {
        return TAGGER.tag(text).stream().map(q -> q.open() + "|" + text.substring(q.start(), q.end()))
                .collect(Collectors.joining(" ## "));
    }
}

package no.evidens.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import opennlp.tools.util.Span;

/**
 * Rebuilds plausible Norwegian raw text from treebank tokens, keeping the character span of every token.
 *
 * <p>Rules (Norwegian typography, as in the raw text of the UD version of the treebank):
 * <ul>
 *   <li>no space before {@code . , : ; ! ? ) ] » ” …} and {@code ...}; no space after {@code ( [ « “};</li>
 *   <li>straight quotes {@code "} and {@code '} alternate: opening ones attach to the next token, closing
 *       ones to the previous;</li>
 *   <li>{@code /} attaches on both sides; dashes ({@code -}, {@code –}) and {@code §} stand between spaces;</li>
 *   <li>a sentence-final {@code .} after a token that already ends in a period ({@code osv.}) is not
 *       written twice: the abbreviation ends the sentence.</li>
 * </ul>
 */
public final class Detokenizer {
    private static final Set<String> ATTACH_LEFT = Set.of(".", ",", ":", ";", "!", "?", ")", "]", "»", "”", "…", "...", "%");
    private static final Set<String> ATTACH_RIGHT = Set.of("(", "[", "«", "“");
    private static final Set<String> TOGGLE = Set.of("\"", "'");
    private static final Set<String> ATTACH_BOTH = Set.of("/");

    /** Rebuilt text of a sentence; {@code spans[i]} is token i, or {@code null} if the token was merged away. */
    public record Rebuilt(String text, Span[] spans) {
        /** The spans of the tokens that are in the text. */
        public Span[] keptSpans() {
            List<Span> kept = new ArrayList<>();
            for (Span span : spans) {
                if (span != null) {
                    kept.add(span);
                }
            }
            return kept.toArray(new Span[0]);
        }
    }

    private Detokenizer() {
    }

    /** Rebuilds the text of one sentence from its token forms. */
    public static Rebuilt rebuild(List<String> forms) {
        StringBuilder text = new StringBuilder();
        Span[] spans = new Span[forms.size()];
        boolean glueNext = true;
        boolean quoteOpen = false;
        String previous = null;
        for (int i = 0; i < forms.size(); i++) {
            String form = forms.get(i);
            boolean last = i == forms.size() - 1;
            if (last && form.equals(".") && previous != null && previous.length() > 1 && previous.endsWith(".")) {
                spans[i] = null; // "osv." ends the sentence: no second period
                continue;
            }
            boolean glueLeft;
            boolean glueRight;
            if (TOGGLE.contains(form)) {
                glueLeft = quoteOpen;
                glueRight = !quoteOpen;
                quoteOpen = !quoteOpen;
            } else {
                glueLeft = ATTACH_LEFT.contains(form) || ATTACH_BOTH.contains(form);
                glueRight = ATTACH_RIGHT.contains(form) || ATTACH_BOTH.contains(form);
            }
            if (!glueNext && !glueLeft) {
                text.append(' ');
            }
            int start = text.length();
            text.append(form);
            spans[i] = new Span(start, text.length());
            glueNext = glueRight;
            previous = form;
        }
        return new Rebuilt(text.toString(), spans);
    }
}

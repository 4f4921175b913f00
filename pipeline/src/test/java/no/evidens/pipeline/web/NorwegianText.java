package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The web ITs' check that a message the workspace shows is Norwegian through and through. */
final class NorwegianText {
    /**
     * Common English words, none of them a Norwegian word ("no" and "to" are left out: Nynorsk "now", and "two";
     * "i" is Norwegian "in", "be" is "ask").
     */
    private static final Set<String> ENGLISH = Set.of("the", "is", "are", "a", "an", "of", "not", "cannot", "must", "in", "was",
            "already", "has", "there", "use", "only", "found", "with", "missing", "give", "such");
    /** A path on the server (a Unix or Windows folder, a Java source). */
    private static final Pattern SERVER_PATH = Pattern.compile("(?:^|\\s)(?:/(?:tmp|home|srv|var|work|usr|opt)/|[A-Z]:\\\\)|\\.java\\b");

    private NorwegianText() {
    }

    /** Asserts the message has no English word and no path on the server. */
    static void assertNorwegian(String message) {
        assertNotNull(message);
        for (String word : message.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            assertFalse(ENGLISH.contains(word), "English «" + word + "» in: " + message);
        }
        assertFalse(SERVER_PATH.matcher(message).find(), "a server path in: " + message);
    }
}

package no.evidens.models;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens for the name rules' tests: runs of letters, digits and hyphens, and each other visible character alone. */
final class SimpleTokens {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}-]+|[^\\s\\p{L}\\p{N}]");

    private SimpleTokens() {
    }

    static List<TaggedSpan> of(String s) {
        List<TaggedSpan> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(new TaggedSpan("TOKEN", m.start(), m.end()));
        }
        return out;
    }
}

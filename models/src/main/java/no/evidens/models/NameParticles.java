package no.evidens.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The edges of a person name that the model leaves out, for {@link DocumentNames} (round 6 of the name rules, from
 * the treebank files held out of a name model):
 * <ul>
 *   <li>a name particle written in lower case before the name ({@code van Tuijl}, {@code bin Salem}) belongs to it.
 *       Particles that are also Norwegian words ({@code de} "they", {@code da}, {@code du}, {@code den}, {@code der},
 *       {@code la}) count only where the document writes that name word always after the same particle, at least
 *       twice ({@code de Lacroix} … {@code sier de Lacroix}): a pronoun does not stand before the same name every
 *       time;</li>
 *   <li>an Arabic article or patronymic joined by a hyphen after a person name ({@code Hamid al-Rashidi}) belongs to
 *       it, and the word after the hyphen is the name word the rest of the document uses ({@code Rashidis});</li>
 *   <li>a nickname in quotation marks between two parts of a person's name ({@code Tore «Tuppen» Lindvik}) joins them
 *       into one name;</li>
 *   <li>an abbreviated title with an initial and nothing after it ({@code «Dr. K.»}) is a person named by them: the
 *       initial alone says nothing, so here the title is part of the name (and masked with it).</li>
 * </ul>
 */
final class NameParticles {
    /** Particles that are no Norwegian word. */
    private static final Set<String> PARTICLES = Set.of("van", "von", "bin", "ibn", "di", "del", "della", "dos", "af",
            "ter", "ten", "zu", "abu", "ould");
    /** Particles that are also Norwegian words: only with the same name word every time. */
    private static final Set<String> AMBIGUOUS = Set.of("de", "da", "du", "den", "der", "la", "le");
    /** The length of the longest of {@link #AMBIGUOUS}. */
    private static final int MAX_AMBIGUOUS = AMBIGUOUS.stream().mapToInt(String::length).max().orElse(0);
    /** A name joined to its article or patronymic with a hyphen: {@code al-Rashidi}, {@code bin-Salem}. */
    private static final Pattern HYPHENATED = Pattern.compile("(?:al|el|ul|as|ad|ar|at|az|ash|bin|ibn|abu|ben)-(\\p{Lu}\\p{Ll}+)");
    /** A nickname alone between quotation marks, with the spaces around it. */
    private static final Pattern NICKNAME = Pattern.compile(" [«\"“]\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*)?[»\"”] ");
    /** An abbreviated title with an initial and nothing more: {@code Dr. K.}, the name a person goes by. */
    private static final Pattern TITLE_INITIAL = Pattern.compile(
            "(?<![\\p{L}.])(?:Dr|Prof|Mr|Mrs|Ms)\\. \\p{Lu}\\.?+(?![\\p{L}\\d]| \\p{Lu})");
    /** Occurrences of a name word needed before an ambiguous particle counts. */
    private static final int MIN_TOGETHER = 2;

    private final Set<String> together;

    private NameParticles(Set<String> together) {
        this.together = together;
    }

    /** The ambiguous particle and name word pairs ({@code "de lacroix"}) that the document always writes together. */
    static NameParticles of(List<String> sentences, List<List<TaggedSpan>> tokens) {
        Map<String, Set<String>> before = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<TaggedSpan> ts = tokens.get(s);
            for (int k = 0; k < ts.size(); k++) {
                // withoutApostrophe keeps the first character and two or more, so this asks what nameLike asks first
                if (!DocumentNames.mayBeNameLike(sentences.get(s), ts.get(k))) {
                    continue;
                }
                String w = withoutApostrophe(ts.get(k).cut(sentences.get(s)));
                if (!DocumentNames.nameLike(w)) {
                    continue;
                }
                String lower = w.toLowerCase(Locale.ROOT);
                count.merge(lower, 1, Integer::sum);
                // a word longer than every ambiguous particle is none of them (lower-casing never shortens a word), so it
                // is neither cut out nor lower-cased
                TaggedSpan previous = k > 0 ? ts.get(k - 1) : null;
                String p = previous != null && previous.end() - previous.start() <= MAX_AMBIGUOUS
                        ? previous.cut(sentences.get(s)).toLowerCase(Locale.ROOT) : "";
                before.computeIfAbsent(lower, x -> new HashSet<>()).add(AMBIGUOUS.contains(p) ? p : "");
            }
        }
        Set<String> out = new HashSet<>();
        before.forEach((word, ps) -> {
            if (ps.size() == 1 && !ps.contains("") && count.get(word) >= MIN_TOGETHER) {
                out.add(ps.iterator().next() + " " + word);
            }
        });
        return new NameParticles(out);
    }

    /** The person names of one sentence with their particles and hyphenated articles taken in, nicknames joined. */
    List<TaggedSpan> widen(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names) {
        List<TaggedSpan> out = new ArrayList<>(names.size());
        for (TaggedSpan n : names) {
            TaggedSpan w = "PER".equals(n.type()) ? widened(sentence, tokens, n) : n;
            out.add(w);
        }
        // Every such title is followed by a period and a space: a sentence without one is not searched.
        if (sentence.indexOf(". ") >= 0) {
            var m = TITLE_INITIAL.matcher(sentence);
            while (m.find()) {
                int a = m.start();
                int b = m.end();
                if (out.stream().noneMatch(n -> n.start() < b && a < n.end())) {
                    out.add(new TaggedSpan("PER", a, b));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(TaggedSpan::start));
        return joinNicknames(sentence, out);
    }

    private TaggedSpan widened(String sentence, List<TaggedSpan> tokens, TaggedSpan name) {
        int first = name.firstTokenIn(tokens);
        int last = name.lastTokenIn(tokens);
        if (first < 0 || last < 0) {
            return name;
        }
        int start = name.start();
        int end = name.end();
        if (first > 0 && tokens.get(first - 1).end() + 1 == start) {
            String p = tokens.get(first - 1).cut(sentence);
            String word = withoutApostrophe(tokens.get(first).cut(sentence)).toLowerCase(Locale.ROOT);
            if (PARTICLES.contains(p) || AMBIGUOUS.contains(p) && together.contains(p + " " + word)) {
                start = tokens.get(first - 1).start();
            }
        }
        if (last + 1 < tokens.size() && tokens.get(last + 1).start() == end + 1
                && HYPHENATED.matcher(tokens.get(last + 1).cut(sentence)).matches()) {
            end = tokens.get(last + 1).end();
        }
        return start == name.start() && end == name.end() ? name : new TaggedSpan("PER", start, end);
    }

    /** The word without the apostrophe of a genitive ({@code Lacroux'}). */
    private static String withoutApostrophe(String word) {
        return word.length() > 2 && (word.endsWith("'") || word.endsWith("’")) ? word.substring(0, word.length() - 1) : word;
    }

    /** The word a hyphenated article or patronymic carries ({@code al-Rashidi} → {@code Rashidi}), else the word. */
    static String core(String word) {
        var m = HYPHENATED.matcher(word);
        return m.matches() ? m.group(1) : word;
    }

    private static List<TaggedSpan> joinNicknames(String sentence, List<TaggedSpan> names) {
        List<TaggedSpan> out = new ArrayList<>();
        for (TaggedSpan n : names) {
            TaggedSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && "PER".equals(last.type()) && "PER".equals(n.type()) && n.start() > last.end()
                    && NICKNAME.matcher(sentence.substring(last.end(), n.start())).matches()) {
                out.set(out.size() - 1, new TaggedSpan("PER", last.start(), n.end()));
            } else {
                out.add(n);
            }
        }
        return out;
    }
}

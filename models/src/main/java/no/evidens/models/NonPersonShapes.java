package no.evidens.models;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Person guesses (of the model or of the cues) that the shape of the name or its neighbours shows to be no person,
 * for {@link DocumentNames}; checked before a name teaches its words to the rest of the document, so that one
 * wrong guess does not spread:
 * <ul>
 *   <li>a compound written with a hyphen whose last part is a lower-case word ({@code Obama-administrasjonen},
 *       {@code DNA-spor}): a thing named after someone, not a mention of the person; a name of several words run into
 *       one ({@code Kari Brennvik Fjord-treneren}) is the name without it, when two or more words are left and one is a
 *       listed given name or surname;</li>
 *   <li>one word that is a compound of a place or institution noun ({@code Steinerskolen}, {@code Tafjordbygda}),
 *       unless it is a listed given name or surname;</li>
 *   <li>a name that opens with an institution word ({@code Galleri Nordvika}, {@code Hotel Fjordgløtt}) or ends in
 *       a firm's word ({@code Tindefjell Energi}, {@code Rom Eiendom}): an organisation;</li>
 *   <li>a name followed, within a few words, by an acronym in brackets made of the initials of the words between
 *       ({@code Stopp islamiseringen av Norge (SIAN)}, {@code Central Única de Trabajadores (CUT)}): an
 *       organisation — unless the words are all names and one is a listed given name (a person abbreviated in a
 *       report: {@code Kari Anne Hansen (KAH)}).</li>
 * </ul>
 * Round 6 added: an acronym in the genitive ({@code SFTs}, {@code FN's}) and a web address ({@code Fjordhandel.no}) are
 * organisations; a title alone ({@code Miss}, {@code Sir}) is no name; laws, commissions, committees and prizes are
 * compounds of the kind above ({@code Grunnlovens}, {@code Ytringsfrihetskommisjonen}).
 * The word lists are written for Evidens from general knowledge of Norwegian word formation and naming.
 */
final class NonPersonShapes {
    /** Last parts of institution and settlement compounds; no common surname ends in one (unlike -dalen, -haugen, -åsen). */
    private static final List<String> COMPOUND_ENDINGS = List.of("bygda", "byen", "skolen", "skulen", "senteret",
            "sentret", "stasjonen", "kontoret", "huset", "forbundet", "foreningen", "laget", "klubben", "kirken", "kyrkja",
            "hallen", "parken", "torget", "gata", "gaten", "veien", "vegen", "fabrikken", "sykehuset", "sjukehuset",
            "museet", "teatret", "teateret", "hotellet", "butikken", "avisen", "avisa", "festivalen", "departementet",
            "direktoratet", "tilsynet", "etaten", "universitetet", "høgskolen", "høyskolen", "instituttet", "akademiet",
            "partiet", "rådet", "tinget", "banken", "gruppen", "gruppa", "bygget", "bygningen", "fjorden",
            // laws, commissions, committees and prizes (Grunnloven, Ytringsfrihetskommisjonen, Spellemannprisen)
            "loven", "kommisjonen", "utvalget", "komiteen", "nemnda", "prisen");
    /** Shortest first part of such a compound. */
    private static final int MIN_HEAD = 3;
    /** Words that open an institution's or a venue's name. */
    private static final Set<String> INSTITUTION_HEADS = Set.of("galleri", "galleriet", "galerie", "gallery", "hotell",
            "hotel", "restaurant", "kafé", "kafe", "café", "cafe", "teater", "teatret", "museum", "museet", "stiftelsen",
            "foreningen", "forbundet", "klubb", "klubben", "studio", "radio", "forlaget", "bokhandel", "kirke", "kapell",
            "skole", "camp", "club", "team", "bar", "pub", "kino", "senter", "bryggeri", "stadion", "festival");
    /** Words that close a firm's name. */
    private static final Set<String> FIRM_TAILS = Set.of("energi", "kraft", "eiendom", "holding", "invest", "gruppen",
            "group", "media", "forlag", "bank", "sparebank", "finans", "forsikring", "entreprenør", "bygg", "transport",
            "shipping", "consult", "consulting", "data", "teknikk", "systems", "solutions", "marmor", "elektro",
            "regnskap", "hotell", "hotel", "as", "asa", "ans", "ltd", "inc", "gmbh", "ab");
    /** An acronym in the genitive ({@code SFTs}, {@code FN's}): an organisation's, not a person's. */
    private static final Pattern ACRONYM_GENITIVE = Pattern.compile("\\p{Lu}{2,}'?s");
    /** A web address ({@code Fjordhandel.no}, {@code Kakeboden.com}): a shop, paper or site, no person. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i).*\\p{L}\\.(?:no|com|net|org|se|dk|nu|info|de|uk|eu|io)");
    /** Titles written before a name, in English and French, which are no name on their own ({@code Miss}, {@code Sir}). */
    private static final Set<String> LONE_TITLES = Set.of("miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "lady",
            "lord", "madame", "monsieur", "mister", "dame");
    /** How far after the name an acronym in brackets may stand. */
    private static final int ACRONYM_REACH = 6;

    private NonPersonShapes() {
    }

    /**
     * The person guess as it stands, {@code null} when it is no name at all, or an {@code ORG} span (with an acronym
     * in brackets after it: the words up to the bracket, {@code Central Única de Trabajadores}).
     */
    static TaggedSpan retype(String sentence, List<TaggedSpan> tokens, TaggedSpan name) {
        List<TaggedSpan> inside = tokens.stream().filter(t -> t.start() >= name.start() && t.end() <= name.end()).toList();
        if (inside.isEmpty()) {
            return name;
        }
        String text = name.cut(sentence);
        int dash = text.lastIndexOf('-');
        if (dash > 0 && dash + 3 < text.length() && Character.isLowerCase(text.charAt(dash + 1))
                && Character.isLowerCase(text.charAt(dash + 2))) {
            // round 7: a name run into such a compound after it (Kari Brennvik Fjord-treneren: the name, then her role)
            // is the name without it — two or more words left, one a listed given name or surname; else the words
            // before belong to the compound (Fritt Ord-styreleder, Angry Birds-bokbind)
            TaggedSpan lastWord = inside.get(inside.size() - 1);
            if (inside.size() > 2 && name.start() + dash > lastWord.start()
                    && inside.subList(0, inside.size() - 1).stream().anyMatch(t -> DocumentNames.isPersonNameWord(t.cut(sentence)))) {
                return retype(sentence, tokens, new TaggedSpan(name.type(), name.start(), inside.get(inside.size() - 2).end()));
            }
            return null;
        }
        String first = inside.get(0).cut(sentence).toLowerCase(Locale.ROOT);
        String last = inside.get(inside.size() - 1).cut(sentence).toLowerCase(Locale.ROOT);
        if (inside.size() == 1 && (compound(first) || LONE_TITLES.contains(first))) {
            return null;
        }
        if (ACRONYM_GENITIVE.matcher(text).matches() || WEB_ADDRESS.matcher(text).matches()) {
            return new TaggedSpan("ORG", name.start(), name.end());
        }
        // not when another word is a listed given name (Olav Kraft, Anne Bar: surnames that are firms' words too)
        if (inside.size() > 1 && (INSTITUTION_HEADS.contains(first) || FIRM_TAILS.contains(last))
                && inside.stream().noneMatch(t -> NameCues.isGivenName(t.cut(sentence)))) {
            return new TaggedSpan("ORG", name.start(), name.end());
        }
        int bracket = acronymAfter(sentence, tokens, inside);
        return bracket < 0 ? name : new TaggedSpan("ORG", name.start(), tokens.get(bracket - 1).end());
    }

    /** Whether a word is a compound of an institution or settlement noun and is no listed name. */
    static boolean compound(String lower) {
        if (DocumentNames.isPersonNameWord(lower)) {
            return false;
        }
        String word = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
        return COMPOUND_ENDINGS.stream().anyMatch(e -> word.length() >= e.length() + MIN_HEAD && word.endsWith(e));
    }

    /** Whether a word opens an institution's name or closes a firm's ({@code Galleri}, {@code Energi}). */
    static boolean institutionWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return INSTITUTION_HEADS.contains(lower) || FIRM_TAILS.contains(lower);
    }

    /**
     * Whether an acronym in brackets within reach after the name is made of the initials of the words from the name's
     * start to the bracket: of every word, or of the capitalised ones. Returns the bracket's token index, or -1.
     */
    private static int acronymAfter(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> inside) {
        int from = tokens.indexOf(inside.get(0));
        int end = tokens.indexOf(inside.get(inside.size() - 1));
        for (int k = end + 1; k <= end + ACRONYM_REACH && k + 2 < tokens.size(); k++) {
            if (!"(".equals(tokens.get(k).cut(sentence))) {
                continue;
            }
            String acronym = tokens.get(k + 1).cut(sentence);
            if (!")".equals(tokens.get(k + 2).cut(sentence)) || acronym.length() < 2
                    || !acronym.chars().allMatch(Character::isUpperCase)) {
                return -1;
            }
            StringBuilder all = new StringBuilder();
            StringBuilder capitals = new StringBuilder();
            boolean lowerWord = false;
            boolean givenName = false;
            for (int i = from; i < k; i++) {
                String w = tokens.get(i).cut(sentence);
                if (!Character.isLetter(w.charAt(0))) {
                    return -1;
                }
                all.append(w.charAt(0));
                if (Character.isUpperCase(w.charAt(0))) {
                    capitals.append(w.charAt(0));
                } else {
                    lowerWord = true;
                }
                givenName |= NameCues.isGivenName(w);
            }
            String a = plain(acronym);
            boolean matches = a.equals(plain(all.toString())) || a.equals(plain(capitals.toString()));
            return matches && (lowerWord || !givenName) ? k : -1;
        }
        return -1;
    }

    /** Upper case without diacritics ({@code Ú} → {@code U}). */
    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }
}

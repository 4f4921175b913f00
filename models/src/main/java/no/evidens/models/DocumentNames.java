package no.evidens.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Document-level repair of the name finder's output, in these steps, each what the sentence-by-sentence
 * model cannot do on its own:
 * <ol>
 *   <li>a title or role word that opens a person name is taken out of it ({@code Dommer Finn Aasheim}
 *       → {@code Finn Aasheim}), since it is not part of the name and must not be masked as one;</li>
 *   <li>every word of a full person name (two or more words) found anywhere in the document marks the
 *       same word elsewhere as a person name, with the genitive {@code -s} ({@code Aasheim},
 *       {@code Aasheims}), also inside «» and after a title, and misspelt by two letters swapped ({@code Chauhdry}
 *       after {@code Akhtar Chaudhry}), wherever the model found no name there; so does a
 *       one-word person with a strong cue beside it, and the surname of a full name in the genitive
 *       ({@link CuedNameWords});</li>
 *   <li>a place or organisation of the model becomes a person where two signs say so, where it names a listed
 *       public figure ({@link FamousNames}) or where it is a listed place the document makes a speaker
 *       ({@link SpeakingPlaceNames}), an organisation and a person the model ran together are cut apart
 *       ({@link PersonAfterOrganisation}), a place guess or an untagged word listed together with a person is a person
 *       ({@link CoordinatedNames}: {@code Michelle, Malia og Sasha}), a given name and the model's one-word guess beside
 *       it are one person, and a cast list's role is a person taught to the document ({@link AdjacentNames}: {@code Kevin
 *       Wao}, {@code Omar Sy som Driss}), a one-word place guess that is the surname of a full name with a listed given
 *       name is that person ({@code Strandbø} after {@code Halvard Strandbøs kronikk}; round 11), a "person" of several
 *       names run together is cut, and one that is the title of a work in quotation marks is dropped
 *       ({@link ModelTypeRepair});</li>
 *   <li>capitalised words the model missed become person names where a cue says so ({@link NameCues}: a
 *       listed given name or surname, a surname's shape, a title before, a verb of saying beside, an age), and so do
 *       capital letters the document names people by ({@link LetterNames}: {@code A lever isolert});</li>
 *   <li>a "person" that is a place or organisation of the domain lists ({@link DomainNames}) is retyped
 *       as one (so one wrong guess does not spread as a person name through the document);</li>
 *   <li>person names that touch (a word the model found beside one propagated) become one name, and a royal's name
 *       takes in the country after {@code av} ({@link RoyalNames}: {@code dronning Margrethe av Danmark}).</li>
 * </ol>
 * OpenNLP's adaptive data already helps a surname after its full name within a run; it does not reach
 * back, nor across a sentence the model read before the full name, which is why this is done here.
 */
public final class DocumentNames {
    /** Titles and roles written before a name (lower case); never part of the name. */
    static final Set<String> TITLES = Set.of("dommer", "tingrettsdommer", "lagdommer", "høyesterettsdommer",
            "advokat", "advokatfullmektig", "lege", "legen", "overlege", "fastlege", "fastlegen", "doktor", "dr.",
            "professor", "førsteamanuensis", "ordfører", "ordføreren", "varaordfører", "rådmann", "rådmannen",
            "kommunedirektør", "kommunedirektøren", "statsråd", "statsminister", "minister", "statsforvalter",
            "fylkesmann", "direktør", "direktøren", "sjef", "leder", "lederen", "leiar", "konsulent", "saksbehandler",
            "saksbehandleren", "sakshandsamar", "barnevernleder", "barnevernsleder", "helsesykepleier", "helsesøster",
            "psykolog", "psykologen", "sykepleier", "sjukepleiar", "lærer", "læreren", "kontaktlærer", "rektor",
            "rektoren", "pastor", "prest", "biskop", "president", "politimester", "lensmann", "fru", "herr", "frk.",
            "stortingsrepresentant", "partileder", "trener", "landslagssjef", "forfatter", "kommuneoverlege", "kaptein",
            "førstekandidat", "førstekandidaten", "venninnen", "vennen", "lillebror", "storebror", "lillesøster",
            "storesøster", "mor", "far", "moren", "faren", "mora", "bestefar", "bestemor", "onkel", "tante", "søster", "bror",
            "gutten", "guten", "jenta", "jenten", "barnet", "eleven", "pasienten", "brukeren", "brukaren", "søkeren",
            "søkjaren", "klienten", "sønnen", "sonen", "datteren", "dottera", "dattera", "mannen", "kona", "kvinnen",
            "naboen", "fosterfar", "fostermor", "stefar", "stemor", "samboeren", "sambuaren", "kjæresten",
            "seniorrådgiver", "rådgiver", "rådgjevar", "spesialrådgiver", "avdelingsleder", "enhetsleder", "nav-leder",
            "forgjengeren", "forgjenger", "etterfølgeren", "etterfølger", "kollega", "kollegaen", "kollegen", "ektemannen",
            "ektefellen", "enken", "enka", "partneren", "journalist", "journalisten", "fotograf", "fotografen", "forsker",
            "forskeren", "kunstner", "kunstneren", "artist", "artisten", "sanger", "sangeren", "skuespiller",
            "skuespilleren", "regissør", "regissøren", "musiker", "musikeren", "komiker", "spiller", "spilleren",
            "keeper", "keeperen", "redaktør", "redaktøren", "sjefredaktør", "kommentator", "kommentatoren", "ekspert",
            "eksperten", "økonom", "økonomen", "aktor", "forsvarer", "forsvareren", "bistandsadvokat", "statsadvokat",
            "politiadvokat", "tiltalte", "siktede", "fornærmede", "vitnet", "general", "generalen", "oberst", "major",
            "kronprins", "prins", "prinsesse", "dronning", "kong", "kongen", "pave", "paven", "statssekretær",
            "generalsekretær", "stortingspresident", "forfatteren", "professoren", "presidenten", "ministeren", "byråd",
            "byråden", "statsråden", "miss", "mister", "mr", "mrs", "ms", "sir", "lady", "lord", "madame", "monsieur",
            // round 10: family and close relations in the definite form and the plural (forloveden Sandy …, døtrene
            // Malia og Sasha), as news names relatives beside a person already named
            "forloveden", "forlovede", "døtrene", "sønnene", "barna", "foreldrene", "tanten", "onkelen", "kusinen",
            "bestemoren", "bestefaren", "oldemoren", "oldefaren", "svigermoren", "svigerfaren", "stemoren", "stefaren",
            "barnebarnet", "ekskona", "eksmannen", "kone", "venninna", "kompisen", "bestevennen",
            "treneren", "sjefen",
            // round 11: trades a name follows in older text (handelsmann X og lensmann Y)
            "handelsmann", "handelsmannen", "kjøpmann", "kjøpmannen");

    /** Endings of role words written before a name (prosjektsjef, avdelingsleder, kontaktlærer, overlege). */
    private static final List<String> ROLE_ENDINGS = List.of("sjef", "leder", "leiar", "direktør",
            "rådgiver", "rådgjevar", "talsperson", "talsmann", "kandidat", "lærer", "lærar", "pleier", "pleiar", "lege",
            "dommer", "konsulent", "behandler", "handsamar", "koordinator", "psykolog", "kaptein", "minister", "politiker",
            "representant", "ordfører", "sekretær", "talskvinne", "talsmann", "formann", "forkvinne", "forsker", "redaktør",
            "journalist", "advokat", "spiller", "skuespiller", "regissør", "kommentator", "økonom", "president", "revisor",
            "datter", "sønn", "guru", "kritiker", "artist", // round 11: popartisten, rapartisten // presidentdatteren, statsministersønnen: a family role before the name
            "søster", "bror", "fetter", "kusine"); // round 10: lillesøsteren, storebroren, halvbror, fetteren
    /**
     * {@link #ROLE_ENDINGS}, and with each also in the definite form ({@code -en}: lederen), made once and grouped by
     * their last letter.
     */
    private static final EndingsByLast ROLE_ENDINGS_BY_LAST = new EndingsByLast(ROLE_ENDINGS.stream());
    private static final EndingsByLast ROLE_ENDINGS_OR_DEFINITE = new EndingsByLast(Stream.concat(
            ROLE_ENDINGS.stream(), ROLE_ENDINGS.stream().map(e -> e + "en")));

    /** Whether a word is a title or role written before a name (never part of the name). */
    public static boolean isTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        // the definite plural too: forgjengerne, lærerne, legene, lederne
        String singular = w.length() > 5 && w.endsWith("ne") ? w.substring(0, w.length() - 2) : w;
        // Endings made once and looked up by the word's last letter: this is asked for most words of a document.
        return TITLES.contains(w) || ROLE_ENDINGS_OR_DEFINITE.endsAny(w)
                || !singular.equals(w) && (TITLES.contains(singular) || TITLES.contains(singular + "e")
                        || ROLE_ENDINGS_BY_LAST.endsAny(singular));
    }

    /**
     * Endings grouped by their last character: a word is compared with those that end as it does (a tenth of them,
     * or none), not with all, as {@link #isTitle} asks for most words of a document and the role endings were a
     * sixth of the name finder's CPU in an ingest (flight recordings, 2026-12-01). The same answer as trying every
     * ending.
     */
    private static final class EndingsByLast {
        private final Map<Character, String[]> byLast;

        EndingsByLast(Stream<String> endings) {
            byLast = endings.collect(Collectors.groupingBy(e -> e.charAt(e.length() - 1),
                    Collectors.collectingAndThen(Collectors.toList(), list -> list.toArray(new String[0]))));
        }

        boolean endsAny(String word) {
            String[] endings = word.isEmpty() ? null : byLast.get(word.charAt(word.length() - 1));
            if (endings != null) {
                for (String e : endings) {
                    if (word.endsWith(e)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Whether a word is a listed given name or surname, or has a surname's shape (any case, genitive -s allowed). */
    public static boolean isPersonNameWord(String word) {
        return NameCues.isGivenName(word) || NameShapes.isSurname(word);
    }

    /**
     * Whether a word (any case, genitive -s allowed) is the one word a text names a listed public figure by
     * ({@code Kafkas}, {@code Støre}), the same list the name repair reads.
     */
    public static boolean isFamousName(String word) {
        return FamousNames.shared().isFamous(word);
    }

    /**
     * Whether a capitalised word beside a name is no part of it: a word that opens an institution's name or closes a
     * firm's ({@code Galleri}, {@code Hotel}, {@code Energi}), or an adjective ({@code Søvnløs}).
     */
    public static boolean isNoNameWord(String word) {
        return NonPersonShapes.institutionWord(word) || adjective(word);
    }

    /** Whether a word is a listed given name (any case, genitive -s allowed). */
    public static boolean isGivenName(String word) {
        return NameCues.isGivenName(word);
    }

    /** Whether a word (any case) is a Norwegian function word ({@code og}, {@code som}, {@code der}, {@code hans}). */
    public static boolean isFunctionWord(String word) {
        return UnknownWordNames.functionWord(word);
    }

    /**
     * Whether a capitalised word has a common noun's shape: a long word in the definite form ({@code Miljøpakken}), or
     * a compound whose last part is a place or institution noun or a word the document writes in lower case
     * ({@code Buddhistforbundet}, {@code Grunnlovens}).
     */
    public static boolean isCommonNounShape(String word, Set<String> lowerCase) {
        String lower = word.toLowerCase(Locale.ROOT);
        return UnknownWordNames.longDefinite(lower) || UnknownWordNames.compound(lower, lowerCase);
    }

    /** A person name of at least this many words teaches its words to the rest of the document. */
    static final int MIN_WORDS = 2;

    private DocumentNames() {
    }

    /**
     * Repairs the names of one document.
     *
     * @param sentences the sentences' texts
     * @param tokens    each sentence's tokens (offsets into the sentence)
     * @param names     each sentence's names from the model (offsets into the sentence)
     * @return each sentence's names after repair, in text order
     */
    public static List<List<TaggedSpan>> refine(List<String> sentences, List<List<TaggedSpan>> tokens,
                                                List<List<TaggedSpan>> names) {
        Set<String> lowerCase = NameCues.lowerCaseWords(sentences, tokens);
        NameParticles particles = NameParticles.of(sentences, tokens);
        CuedNameWords cued = CuedNameWords.of(sentences, tokens, lowerCase);
        Set<String> things = ModelTypeRepair.namesAfterPlaceWords(sentences, tokens, names);
        Set<String> speakers = SpeakingPlaceNames.of(sentences, tokens);
        LetterNames letters = LetterNames.of(sentences, tokens);
        List<List<TaggedSpan>> stripped = new ArrayList<>();
        Set<String> known = new HashSet<>(speakers);
        Set<String> fullNames = new HashSet<>();
        Set<String> surnames = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            List<TaggedSpan> out = new ArrayList<>();
            for (TaggedSpan n : names.get(s)) {
                TaggedSpan name = "PER".equals(n.type()) ? withoutTitle(sentence, tokens.get(s), n) : n;
                // a listed public figure the model typed as a place or organisation (ros fra Støre) is the person
                if (!"PER".equals(name.type()) && (ModelTypeRepair.personByCue(sentence, tokens.get(s), name, lowerCase, things)
                        || FamousNames.shared().isFamous(name.cut(sentence)) || SpeakingPlaceNames.among(name.cut(sentence), speakers))) {
                    name = new TaggedSpan("PER", name.start(), name.end());
                }
                for (TaggedSpan part : PersonAfterOrganisation.split(sentence, tokens.get(s), name, lowerCase)) {
                    out.addAll(ModelTypeRepair.splitJoined(sentence, tokens.get(s), part));
                }
            }
            List<TaggedSpan> sentenceTokens = tokens.get(s);
            out.removeIf(n -> "PER".equals(n.type()) && ModelTypeRepair.titleOfWork(sentence, sentenceTokens, n));
            out.addAll(NameCues.find(sentence, tokens.get(s), out, lowerCase));
            out.addAll(letters.find(sentence, sentenceTokens, out));
            // the cues may find a given name in a title just dropped («Queen Elisabeth 2»)
            out.removeIf(n -> "PER".equals(n.type()) && ModelTypeRepair.titleOfWork(sentence, sentenceTokens, n));
            out = particles.widen(sentence, sentenceTokens, nonPersonsRetyped(sentence, sentenceTokens, out));
            out = CoordinatedNames.retype(sentence, sentenceTokens, out, lowerCase, things);
            out = AdjacentNames.join(sentence, sentenceTokens, out, lowerCase);
            for (TaggedSpan role : AdjacentNames.castRoles(sentence, sentenceTokens, out, lowerCase)) {
                out.removeIf(o -> o.start() == role.start() && o.end() == role.end());
                out.add(role);
                // a role of a cast list is named alone in the rest of the text, as a surname is
                String w = role.cut(sentence).toLowerCase(Locale.ROOT);
                known.add(w);
                surnames.add(w);
            }
            out.sort(Comparator.comparingInt(TaggedSpan::start));
            for (TaggedSpan name : out) {
                if ("PER".equals(name.type()) && DomainNames.shared().typeOf(name.cut(sentence)) == null) {
                    List<String> words = wordsOf(sentence, tokens.get(s), name);
                    if (words.size() >= MIN_WORDS) {
                        words.stream().map(NameParticles::core).filter(DocumentNames::nameLike).map(w -> w.toLowerCase(Locale.ROOT))
                                .forEach(known::add);
                        fullNames.add(withoutGenitive(String.join(" ", words).toLowerCase(Locale.ROOT)));
                        if (NameCues.isGivenName(words.get(0))) {
                            surnames.add(withoutGenitive(words.get(words.size() - 1).toLowerCase(Locale.ROOT)));
                        }
                    }
                    known.addAll(cued.taught(sentence, tokens.get(s), name, words));
                }
            }
            stripped.add(out);
        }
        List<List<TaggedSpan>> result = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            List<TaggedSpan> retyped = new ArrayList<>();
            for (TaggedSpan name : stripped.get(s)) {
                // the model's places and organisations are kept as they are but for narrow cues (ModelTypeRepair):
                // turning them into persons whenever they follow a title or are made of words of full person names
                // was tried and lowered place F1 on held-out text
                String listed = "PER".equals(name.type()) && !SpeakingPlaceNames.among(name.cut(sentence), speakers)
                        ? DomainNames.shared().typeOf(name.cut(sentence)) : null;
                if (listed == null && !"PER".equals(name.type())
                        && (ModelTypeRepair.knownPersonWithCue(sentence, tokens.get(s), name, known)
                                || tailOfFullName(name.cut(sentence), fullNames)
                                || ModelTypeRepair.surnameAlone(sentence, tokens.get(s), name, surnames, lowerCase))) {
                    listed = "PER";
                }
                retyped.add(listed == null ? name : new TaggedSpan(listed, name.start(), name.end()));
            }
            result.add(RoyalNames.widen(sentence, tokens.get(s), propagate(sentence, tokens.get(s), retyped, known, lowerCase)));
        }
        return result;
    }

    /**
     * Whether a place or organisation of two or more words repeats the last words (or all) of a full person name of the
     * document, in the genitive or not ({@code Behring Breiviks} after {@code Anders Behring Breivik}): the person
     * again, named without the given name.
     */
    private static boolean tailOfFullName(String name, Set<String> fullNames) {
        String n = withoutGenitive(name.toLowerCase(Locale.ROOT));
        // the whole full name again counts too (a person the model typed as a place in one sentence only)
        return n.indexOf(' ') > 0 && fullNames.stream().anyMatch(f -> f.endsWith(" " + n) || f.equals(n));
    }

    private static String withoutGenitive(String name) {
        return name.length() > 3 && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * The names with every person guess that {@link NonPersonShapes} shows to be none retyped or dropped; a person
     * guess inside an organisation it widens is dropped too.
     */
    private static List<TaggedSpan> nonPersonsRetyped(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names) {
        List<TaggedSpan> out = new ArrayList<>(names.size());
        List<TaggedSpan> widened = new ArrayList<>();
        for (TaggedSpan n : names) {
            TaggedSpan r = "PER".equals(n.type()) ? NonPersonShapes.retype(sentence, tokens, n) : n;
            if (r != null) {
                out.add(r);
                if (r.end() > n.end()) {
                    widened.add(r);
                }
            }
        }
        out.removeIf(n -> "PER".equals(n.type()) && widened.stream().anyMatch(w -> w.start() < n.end() && n.start() < w.end()));
        out.sort(Comparator.comparingInt(TaggedSpan::start));
        return out;
    }

    /**
     * The name without a title or role word at its start, and without edge words that are no name at all
     * (a word with a period or digits: {@code Haugstad Fjordposten.no}; a listed place stays, since many
     * places are surnames too: {@code Olav Sandnes}).
     */
    private static TaggedSpan withoutTitle(String sentence, List<TaggedSpan> tokens, TaggedSpan name) {
        List<TaggedSpan> inside = tokens.stream().filter(t -> t.start() >= name.start() && t.end() <= name.end()).toList();
        int first = 0;
        int last = inside.size() - 1;
        while (first < last && (isTitle(inside.get(first).cut(sentence)) || notName(inside.get(first).cut(sentence))
                || adjective(inside.get(first).cut(sentence)))) {
            first++;
        }
        while (last > first && notName(inside.get(last).cut(sentence))) {
            last--;
        }
        if (inside.isEmpty() || first == 0 && last == inside.size() - 1) {
            return name;
        }
        return new TaggedSpan(name.type(), inside.get(first).start(), inside.get(last).end());
    }

    /** Adjective endings: an adjective opening a headline is no part of the name after it ({@code Søvnløs Svindal}). */
    private static final List<String> ADJECTIVE_ENDINGS = List.of("løs", "lig", "messig", "aktig");

    private static boolean adjective(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() >= 6 && ADJECTIVE_ENDINGS.stream().anyMatch(w::endsWith) && !isPersonNameWord(w);
    }

    private static boolean notName(String word) {
        return word.length() > 2 && word.chars().anyMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static List<String> wordsOf(String sentence, List<TaggedSpan> tokens, TaggedSpan name) {
        return tokens.stream().filter(t -> t.start() >= name.start() && t.end() <= name.end())
                .map(t -> t.cut(sentence)).toList();
    }

    /**
     * Whether the token may be {@link #nameLike}: two characters or more, the first a capital, read from the sentence
     * without cutting the word out of it. The document-wide passes of the rules ask this of every token first, as most
     * tokens fail it and cutting each out was a large part of the rules' CPU (flight recordings, 2026-12-03); a token
     * that passes is then asked {@link #nameLike} itself, so the answer is the same.
     */
    static boolean mayBeNameLike(String sentence, TaggedSpan token) {
        return token.end() - token.start() >= 2 && Character.isUpperCase(sentence.charAt(token.start()));
    }

    /** A capitalised word of letters (hyphens allowed), not a title. */
    static boolean nameLike(String w) {
        if (w.length() < 2 || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        // a plain loop over the characters, as w.chars().allMatch(…) tested them: asked for every capitalised token
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c) && c != '-') {
                return false;
            }
        }
        return !isTitle(w);
    }

    private static List<TaggedSpan> propagate(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names,
                                              Set<String> known, Set<String> lowerCase) {
        List<TaggedSpan> out = new ArrayList<>(names);
        if (!known.isEmpty()) {
            for (TaggedSpan t : tokens) {
                if (!mayBeNameLike(sentence, t)) {
                    continue;
                }
                String w = t.cut(sentence);
                if (!nameLike(w) || out.stream().anyMatch(n -> n.start() < t.end() && t.start() < n.end())) {
                    continue;
                }
                String lower = w.toLowerCase(Locale.ROOT);
                boolean genitive = lower.endsWith("s") && known.contains(lower.substring(0, lower.length() - 1));
                if (known.contains(lower) || genitive || misspelt(w, known, lowerCase)) {
                    out.add(new TaggedSpan("PER", t.start(), t.end()));
                }
            }
        }
        out.sort(Comparator.comparingInt(TaggedSpan::start));
        return mergeTouching(sentence, out, known);
    }

    /** Shortest word read as a misspelt name word by {@link #misspelt}. */
    private static final int MIN_MISSPELT = 5;

    /**
     * Whether a capitalised word is a known name word of the document with two neighbouring letters after the first
     * swapped ({@code Chauhdry} after {@code Akhtar Chaudhry}; round 9): the most common slip of the pen in a name, and
     * the same person to a reader. Five letters or more, not a listed place or organisation, not a word the document
     * writes in lower case, no function word ({@code Mange} opening a sentence beside {@code Magne}); an added or a
     * dropped letter is not read so, as it makes other names ({@code Berge}, {@code Bergen}).
     */
    static boolean misspelt(String word, Set<String> known, Set<String> lowerCase) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < MIN_MISSPELT || known.contains(lower) || lowerCase.contains(lower)
                || DomainNames.shared().typeOf(word) != null || UnknownWordNames.functionWord(lower)) {
            return false;
        }
        char[] c = lower.toCharArray();
        for (int k = 1; k + 1 < c.length; k++) {
            if (c[k] != c[k + 1]) {
                char t = c[k];
                c[k] = c[k + 1];
                c[k + 1] = t;
                boolean hit = known.contains(new String(c));
                c[k + 1] = c[k];
                c[k] = t;
                if (hit) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Person names separated by one space only become one name, when every word of both is a known name word,
     * or when the first is a lone given name ({@code Camilla} found by {@link NameCues}, {@code Berg} by the model).
     */
    private static List<TaggedSpan> mergeTouching(String sentence, List<TaggedSpan> sorted, Set<String> known) {
        List<TaggedSpan> out = new ArrayList<>();
        for (TaggedSpan n : sorted) {
            TaggedSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && "PER".equals(last.type()) && "PER".equals(n.type()) && n.start() == last.end() + 1
                    && sentence.charAt(last.end()) == ' ' && (allKnown(last.cut(sentence) + " " + n.cut(sentence), known)
                    && !twoFullNames(last.cut(sentence), n.cut(sentence)) || NameCues.isGivenName(last.cut(sentence)))) {
                out.set(out.size() - 1, new TaggedSpan("PER", last.start(), n.end()));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** Two names of two or more words each, the second opening with a given name: two persons (a table cell). */
    private static boolean twoFullNames(String first, String second) {
        return first.indexOf(' ') > 0 && second.indexOf(' ') > 0 && NameCues.isGivenName(second.substring(0, second.indexOf(' ')));
    }

    private static boolean allKnown(String name, Set<String> known) {
        for (String w : name.toLowerCase(Locale.ROOT).split(" ")) {
            if (!known.contains(w) && !(w.endsWith("s") && known.contains(w.substring(0, w.length() - 1)))) {
                return false;
            }
        }
        return true;
    }
}

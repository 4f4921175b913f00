package no.evidens.evaluation.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;

/**
 * Generates documents of evidence passages from the corpus vocabulary, deterministically: document
 * {@code n} is always the same whatever the thread that makes it. Documents are spread over
 * {@value #CASES} cases and the four document types, have a few pages, and their passages carry
 * indicator ids, cited laws and quotations about as often as the sample bundle's do.
 */
public final class PassageGenerator {
    public static final int CASES = 24;
    public static final List<String> TYPES = List.of("styringsdokument", "journal", "klientdokumentasjon", "annet");
    public static final List<String> INDICATORS = List.of("taushetsplikt", "opplysningsplikt", "samtykke", "samarbeidsarena",
            "rutiner-og-avtaler", "ledelsens-oppfolging", "barn-som-parorende", "fastlege", "tiltaksplan",
            "individuell-plan", "ettervern", "bekymringsmelding", "evaluering", "avvik");
    static final List<String> LAWS = List.of("barnevernloven", "helsepersonelloven", "sosialtjenesteloven",
            "forvaltningsloven", "helse- og omsorgstjenesteloven", "pasient- og brukerrettighetsloven");
    private static final int PASSAGES_PER_PAGE = 5;
    /** The case ids, made once: formatting them for every document was a tenth of the generator's time. */
    private static final String[] CASE_IDS = java.util.stream.IntStream.range(0, CASES)
            .mapToObj(n -> String.format(Locale.ROOT, "kommune-%02d-2026", n)).toArray(String[]::new);

    /** One generated document and its passages. */
    public record Generated(IndexedDocument document, List<Passage> passages) {
    }

    private final CorpusVocabulary vocabulary;
    private final long seed;

    public PassageGenerator(CorpusVocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.seed = seed;
    }

    public static String caseId(int n) {
        return n >= 0 && n < CASES ? CASE_IDS[n] : String.format(Locale.ROOT, "kommune-%02d-2026", n);
    }

    /** {@code n} in lower-case hex, padded with zeros to {@code width} digits (as {@code %0<width>x}, without a Formatter). */
    static String hex(long n, int width) {
        String digits = Long.toHexString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Document number {@code n}: 4 to 80 passages (about 30 on average). */
    public Generated document(long n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        String caseId = caseId((int) (n % CASES));
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String docId = hex(n, 16);
        String file = type + "/dokument-" + n + ".pdf";
        String title = sentence(random, 3 + random.nextInt(6));
        int count = 4 + random.nextInt(25) + random.nextInt(25) + random.nextInt(28);
        StringBuilder text = new StringBuilder(16_384);
        List<Integer> pageStarts = new ArrayList<>();
        List<Passage> passages = new ArrayList<>(count);
        String heading = "";
        for (int i = 0; i < count; i++) {
            if (i % PASSAGES_PER_PAGE == 0) {
                pageStarts.add(text.length() + (text.length() == 0 ? 0 : 2));
            }
            if (random.nextInt(4) == 0) {
                StringBuilder h = new StringBuilder(64).append(1 + i / 4).append(' ');
                appendSentence(h, random, 2 + random.nextInt(4));
                heading = h.toString();
            }
            List<String> quotes = new ArrayList<>();
            List<String> laws = new ArrayList<>();
            String body = passageText(random, quotes, laws);
            List<String> indicators = new ArrayList<>();
            if (random.nextInt(10) < 3) {
                indicators.add(INDICATORS.get(random.nextInt(INDICATORS.size())));
                if (random.nextBoolean()) {
                    String other = INDICATORS.get(random.nextInt(INDICATORS.size()));
                    if (!indicators.contains(other)) {
                        indicators.add(other);
                    }
                }
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(body);
            passages.add(new Passage(Passage.idOf(caseId, docId, i), caseId, docId, file, type, title, heading,
                    pageStarts.size(), start, text.length(), body, quotes, indicators, laws));
        }
        IndexedDocument doc = new IndexedDocument(docId, caseId, file, type, title,
                hex(n, 64), "application/pdf", text.toString(), pageStarts);
        return new Generated(doc, passages);
    }

    private String passageText(SplittableRandom random, List<String> quotes, List<String> laws) {
        int sentences = vocabulary.passageSentences(random);
        StringBuilder sb = new StringBuilder(512);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                sb.append(' ');
            }
            // The sentence goes straight into the passage; a quotation is marked after the roll that makes it one.
            int from = sb.length();
            appendSentence(sb, random, vocabulary.sentenceLength(random));
            int roll = random.nextInt(100);
            if (roll < 8) {
                quotes.add(sb.substring(from));
                sb.insert(from, '«').append("», står det i ").append(vocabulary.word(random)).append('.');
            } else if (roll < 20) {
                String law = LAWS.get(random.nextInt(LAWS.size()));
                if (!laws.contains(law)) {
                    laws.add(law);
                }
                sb.append(", jf. ").append(law).append(" § ")
                        .append(1 + random.nextInt(20)).append('-').append(1 + random.nextInt(12)).append('.');
            } else if (roll < 26) {
                sb.append(' ').append(1 + random.nextInt(28)).append('.').append(1 + random.nextInt(12))
                        .append(".20").append(20 + random.nextInt(7)).append('.');
            } else {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    /** {@link #appendSentence} as a string of its own. */
    private String sentence(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(16 * Math.max(1, length));
        appendSentence(sb, random, length);
        return sb.toString();
    }

    /**
     * Appends {@code length} words, the first capitalised: each either a word that followed the previous one in the
     * corpus, or any word by frequency. Words are walked by their index in the vocabulary (no look-up by string).
     */
    private void appendSentence(StringBuilder sb, SplittableRandom random, int length) {
        int from = sb.length();
        int previous = -1;
        for (int i = 0; i < Math.max(1, length); i++) {
            int w = previous >= 0 && random.nextInt(10) < 4 ? vocabulary.followerIndex(previous, random) : -1;
            if (w < 0) {
                w = vocabulary.wordIndex(random);
            }
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(vocabulary.wordOf(w));
            previous = w;
        }
        capitalise(sb, from);
    }

    /** The character at {@code at} in upper case, as {@code toUpperCase(Locale.ROOT)} of it alone gives (possibly longer). */
    private static void capitalise(StringBuilder sb, int at) {
        if (at >= sb.length()) {
            return;
        }
        char c = sb.charAt(at);
        if (c < 128) {
            sb.setCharAt(at, Character.toUpperCase(c));
        } else {
            sb.replace(at, at + 1, String.valueOf(c).toUpperCase(Locale.ROOT));
        }
    }
}

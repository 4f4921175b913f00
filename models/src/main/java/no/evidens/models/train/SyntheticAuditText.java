package no.evidens.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates fictional, tokenised sentences in the style of Norwegian audit reports, to teach the
 * sentence detector and tokenizer what newspaper text lacks: legal references ({@code jf. bvl. § 6-4},
 * {@code §§ 17 og 18}, {@code 2. ledd}), abbreviations, dates ({@code 16.6.2011}, {@code 1. januar 2015}),
 * times ({@code kl. 10.00}), numbered headings ({@code 2.3.4}), list items and names with initials.
 *
 * <p>Every sentence is written here, from templates and word lists; none is taken from real reports.
 * Output is a list of paragraphs; the sequence depends only on the seed.
 */
public final class SyntheticAuditText {
    private static final String[] LAWS = {
        "barnevernloven", "helsepersonelloven", "forvaltningsloven", "sosialtjenesteloven", "kommuneloven",
        "helse- og omsorgstjenesteloven", "pasient- og brukerrettighetsloven", "barnevernslova", "forvaltningslova",
        "internkontrollforskriften", "journalforskriften", "spesialisthelsetjenesteloven"};
    private static final String[] LAW_ABBR = {"bvl.", "hpl.", "fvl.", "sosialtjl.", "pasrl.", "kommunehelsetjl.", "pbl."};
    private static final String[] NOUNS = {
        "samarbeidet med NAV", "oppfølgingen av barna", "meldinger til barneverntjenesten", "journalføring",
        "internkontroll", "tiltaksplaner", "individuelle planer", "ansvarsgrupper", "opplæring av ansatte",
        "rutiner for avviksmeldinger", "taushetsplikten", "undersøkelser", "samarbeidsavtaler", "risikovurderinger",
        "helsestasjonen", "skolehelsetjenesten", "fastlegene", "legevakten", "tverrfaglige møter", "dokumentasjonen"};
    private static final String[] SUBJECTS = {
        "barneverntjenesten", "helsestasjonen", "NAV-kontoret", "ledelsen", "de ansatte", "fastlegen",
        "rådmannen", "kommunen", "tjenesten", "saksbehandlerne"};
    private static final String[] VPS = {
        "følger opp meldingene innen fristen", "dokumenterer vurderingene sine", "melder fra ved bekymring",
        "har kjennskap til rutinene", "samarbeider med andre tjenester", "gjennomgår avvik jevnlig",
        "sikrer forsvarlige tjenester", "involverer barna i sakene", "evaluerer tiltakene", "har nødvendig kompetanse"};
    private static final String[] FIRST = {
        "Kari", "Ola", "Per", "Anne", "Ingrid", "Lars", "Nils", "Silje", "Mona", "Trond", "Hege", "Bjørn",
        "Marit", "Knut", "Randi", "Eirik", "Solveig", "Geir", "Turid", "Arne"};
    private static final String[] LAST = {
        "Nilsen", "Hansen", "Berg", "Dahl", "Lie", "Haugen", "Bakken", "Moen", "Strand", "Solberg",
        "Eide", "Lunde", "Aasen", "Myhre", "Vik", "Nygård", "Sæther", "Brekke"};
    private static final String[] MONTHS = {
        "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "desember"};
    private static final String[] HEADING_WORDS = {
        "Innledning", "Bakgrunn", "Tema og omfang", "Funn", "Vurdering", "Konklusjon", "Regelverk",
        "Statsforvalterens vurdering", "Avvik", "Merknad", "Oppfølging", "Dokumentasjon", "Gjennomføring"};
    private static final String[] ORDINAL_WORDS = {"første", "andre", "tredje"};

    private static final String[] TEMPLATES = {
        "Det følger av {LAW} § {PAR} {LEDD} ledd at kommunen skal sikre {NOUN} .",
        "Kommunen har ikke sikret at {SUBJ} {VP} , jf. {LAWABBR} § {PAR} .",
        "Tilsynet ble gjennomført {DATE} , og sluttmøtet startet kl. {TIME} .",
        "Rutinen ble sist revidert {DATE} av {PER} .",
        "{PER} er leder for barneverntjenesten .",
        "Dette gjelder bl.a. {NOUN} , {NOUN} mv.",
        "Se f.eks. pkt. {HEADNUM} i rapporten .",
        "Kravene i {LAW} §§ {N} og {N} er ikke oppfylt .",
        "Det vises til kap. {N} i rutinen , dvs. {NOUN} og {NOUN} .",
        "Tjenesten kan nås på tlf. {PHONE} .",
        "Møtet ble holdt {LONGDATE} kl. {TIME} på rådhuset .",
        "Saken gjaldt ca. {N} barn , evt. {N} familier .",
        "Kommunen skal iht. {LAWABBR} § {PAR} {LEDD} ledd sikre {NOUN} .",
        "Avvik {N} : Kommunen sikrer ikke {NOUN} , jf. {LAW} § {PAR} nr. {N} .",
        "{PER} ( avd. {N} ) og {PER} m.fl. deltok på møtet .",
        "Tilsynet omfattet {NOUN} , {NOUN} o.l.",
        "Ansvaret ligger hos adm. dir. {PER} .",
        "Det ble gjennomført intervjuer med {N} ansatte ift. {NOUN} .",
        "Den {ORD} {MONTH} ble saken oversendt , ref. {REF} .",
        "Rapporten er datert {DATE} og bygger på {LAW} § {PAR} .",
        "Jf. {LAW} § {PAR} skal {SUBJ} dokumentere {NOUN} .",
        "Ifølge rutinen av {LONGDATE} skal {SUBJ} melde fra , jf. også {LAWABBR} §§ {PAR} og {PAR} .",
        "Statsforvalteren viser til {LAW} § {PAR} bokstav a , jf. § {PAR} {LEDD} ledd .",
        "«Alle meldinger skal vurderes innen én uke» , står det i rutinen .",
        "I følge {PER} gjennomgås avvik bl.a. i ledermøtene .",
        "Fristen var {DATE} , dvs. {N} uker etter meldingen .",
        "Vi har gjennomgått {N} journaler , {N} tiltaksplaner osv.",
        "Opplæringen skjer bl.a. gjennom kurs , veiledning m.m.",
        "Etter {LEDD} ledd skal tjenesten vurdere {NOUN} .",
        "Dokumentet er signert av {PER} og {PER} {DATE} .",
        "Kommunen har rutiner for {NOUN} , jf. pkt. {HEADNUM} ovenfor .",
        "Klokken var ca. kl. {TIME} da møtet ble avsluttet .",
        "{SUBJCAP} har ikke gjennomført {NOUN} , noe som er i strid med {LAW} § {PAR} .",
        "Vi ber om tilbakemelding innen {LONGDATE} .",
        "Tiltaket ble evaluert {ORD} gang i {MONTH} {YEAR} ."};

    private final Random random;

    public SyntheticAuditText(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} paragraphs: prose paragraphs of 2–6 sentences, numbered headings and bullet lists. */
    public List<List<NdtSentence>> paragraphs(int count) {
        List<List<NdtSentence>> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            int kind = random.nextInt(10);
            List<NdtSentence> paragraph = new ArrayList<>();
            if (kind == 0) {
                paragraph.add(sentence(headNum() + " " + pick(HEADING_WORDS), true));
            } else if (kind == 1) {
                paragraph.add(sentence("Vi har undersøkt om " + pick(SUBJECTS) + " :", true));
                String bullet = random.nextBoolean() ? "•" : "-";
                for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
                    paragraph.add(sentence(bullet + " " + pick(VPS) + (random.nextBoolean() ? "" : " ."), true));
                }
            } else {
                for (int i = 0, n = 2 + random.nextInt(5); i < n; i++) {
                    paragraph.add(sentence(expand(pick(TEMPLATES)), i == n - 1));
                }
            }
            out.add(paragraph);
        }
        return out;
    }

    private NdtSentence sentence(String spaced, boolean paragraphEnd) {
        List<NdtToken> tokens = new ArrayList<>();
        for (String token : spaced.trim().split(" +")) {
            if (token.startsWith("\u0001")) { // a person name token: \u0001B or \u0001I marks its tag
                tokens.add(new NdtToken(token.substring(2), (token.charAt(1) == 'B' ? "B" : "I") + "-PER"));
            } else {
                tokens.add(new NdtToken(token, "O"));
            }
        }
        return new NdtSentence(tokens, paragraphEnd);
    }

    private String expand(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            out.append(fill(template.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private String fill(String slot) {
        return switch (slot) {
            case "LAW" -> pick(LAWS);
            case "LAWABBR" -> pick(LAW_ABBR);
            case "PAR" -> (1 + random.nextInt(12)) + "-" + (1 + random.nextInt(12)) + (random.nextInt(8) == 0 ? "a" : "");
            case "LEDD" -> random.nextBoolean() ? (1 + random.nextInt(4)) + "." : pick(ORDINAL_WORDS);
            case "NOUN" -> pick(NOUNS);
            case "SUBJ" -> pick(SUBJECTS);
            case "SUBJCAP" -> capitalise(pick(SUBJECTS));
            case "VP" -> pick(VPS);
            case "DATE" -> date();
            case "LONGDATE" -> (1 + random.nextInt(28)) + ". " + pick(MONTHS) + " " + year();
            case "TIME" -> String.format("%02d.%02d", 8 + random.nextInt(9), 15 * random.nextInt(4));
            case "PER" -> person();
            case "N" -> String.valueOf(1 + random.nextInt(40));
            case "HEADNUM" -> headNum();
            case "PHONE" -> String.format("%02d %02d %02d %02d", 20 + random.nextInt(79), random.nextInt(100),
                    random.nextInt(100), random.nextInt(100));
            case "ORD" -> (1 + random.nextInt(28)) + ".";
            case "MONTH" -> pick(MONTHS);
            case "YEAR" -> year();
            case "REF" -> year() + "/" + (100 + random.nextInt(900));
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    private String date() {
        int day = 1 + random.nextInt(28);
        int month = 1 + random.nextInt(12);
        return switch (random.nextInt(3)) {
            case 0 -> day + "." + month + "." + year();
            case 1 -> String.format("%02d.%02d.%s", day, month, year());
            default -> day + "." + month + "." + year().substring(2);
        };
    }

    private String year() {
        return String.valueOf(2005 + random.nextInt(20));
    }

    private String headNum() {
        StringBuilder b = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            b.append('.').append(1 + random.nextInt(9));
        }
        return b.toString();
    }

    private String person() {
        String first = "\u0001B" + pick(FIRST);
        String last = "\u0001I" + pick(LAST);
        return switch (random.nextInt(4)) {
            case 0 -> first + " \u0001I" + (char) ('A' + random.nextInt(20)) + ". " + last;
            case 1 -> "\u0001B" + (char) ('A' + random.nextInt(20)) + ". " + last;
            default -> first + " " + last;
        };
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

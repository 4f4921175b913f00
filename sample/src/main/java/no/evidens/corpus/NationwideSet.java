package no.evidens.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated nationwide audit, all fictional: bundles for 22 municipalities in 13 counties, of three sizes
 * (3, 5 or 7 documents), in rotating formats (PDF, DOCX, HTML, TXT), each municipality meeting, half meeting
 * (merknad) or breaking (avvik) each of five requirements as its table row says. The texts are
 * {@link NationwideTexts}; what each bundle should give rise to (its findings and the sentences they quote)
 * comes with it, so that a caller can make the findings through the findings service.
 */
public final class NationwideSet {
    public static final String GROUP_ID = "landstilsyn-2026";
    public static final String GROUP_TITLE = "Landsomfattende tilsyn 2026: samarbeid om utsatte barn og unge";
    public static final int YEAR = 2026;
    /** The seed a set of another size is drawn from. */
    private static final long SEED = 2026_0357L;

    /** An audited requirement: its letter in the table, the law it rests on, and how findings on it are titled. */
    public enum Topic {
        SAMARBEID('S', "barnevernloven", "15-8", "Samarbeid mellom tjenestene",
            "Kommunen sikrer ikke at barneverntjenesten samarbeider med andre tjenester",
            "Kommunen bør følge bedre opp det avtalte samarbeidet"),
        OPPLYSNINGSPLIKT('O', "helsepersonelloven", "33", "Opplysningsplikt til barneverntjenesten",
            "Kommunen sikrer ikke at helsepersonell melder bekymring til barneverntjenesten",
            "Kommunen bør oppdatere rutinen for bekymringsmelding"),
        INDIVIDUELL_PLAN('I', "helse- og omsorgstjenesteloven", "7-1", "Individuell plan og koordinator",
            "Kommunen sikrer ikke at barn med behov for koordinerte tjenester får tilbud om individuell plan",
            "Kommunen bør evaluere de individuelle planene jevnlig"),
        ETTERVERN('E', "barnevernloven", "8-1", "Ettervern 18–23 år",
            "Kommunen sikrer ikke at ungdom får forsvarlig ettervern",
            "Kommunen bør gjøre avtalen om ettervern kjent i NAV"),
        BARN_SOM_PARORENDE('B', "helsepersonelloven", "10 a", "Barn som pårørende",
            "Kommunen sikrer ikke at barn av pasienter blir kartlagt og fulgt opp",
            "Kommunen bør dokumentere kartleggingen av pasientenes barn");

        public final char letter;
        public final String law;
        public final String section;
        public final String label;
        public final String avvikTitle;
        public final String merknadTitle;

        Topic(char letter, String law, String section, String label, String avvikTitle, String merknadTitle) {
            this.letter = letter;
            this.law = law;
            this.section = section;
            this.label = label;
            this.avvikTitle = avvikTitle;
            this.merknadTitle = merknadTitle;
        }

        /** The requirement as a report cites it: {@code barnevernloven § 15-8}. */
        public String requirement() {
            return law + " § " + section;
        }

        static Set<Topic> of(String letters) {
            Set<Topic> out = EnumSet.noneOf(Topic.class);
            for (char c : letters.toCharArray()) {
                for (Topic t : values()) {
                    if (t.letter == c) {
                        out.add(t);
                    }
                }
            }
            return out;
        }
    }

    /** A municipality of the set: its case, its size (S, M, L) and the requirements it breaks or half meets. */
    public record Municipality(int index, String name, String county, String caseId, char size, Set<Topic> avvik, Set<Topic> merknad) {
        public Municipality {
            avvik = Set.copyOf(avvik);
            merknad = Set.copyOf(merknad);
        }
    }

    /** A sentence a finding quotes: found in the case by {@code phrase} (a query), quoted as {@code quote}. */
    public record Quote(Topic topic, String phrase, String quote) {
    }

    /** A written bundle, with the quotations of the avvik and merknader it should give rise to. */
    public record Bundle(Municipality municipality, Path dir, List<Quote> avvik, List<Quote> merknad) {
    }

    // name; county; size; avvik; merknad
    private static final List<String> TABLE = List.of(
        "Lyngvik;Agder;L;SOI;E", "Heiås;Agder;S;;", "Bjørkmo;Innlandet;M;O;B", "Sølvdal;Innlandet;S;S;",
        "Granli;Innlandet;M;;SE", "Havbrekka;Vestland;L;SOE;IB", "Nordstrand;Vestland;M;I;", "Ospedal;Vestland;S;E;O",
        "Skjærvåg;Nordland;M;SB;", "Tindlia;Nordland;S;;", "Kvitfjell;Troms;M;O;S", "Vardnes;Finnmark;S;SOIEB;",
        "Elvemo;Trøndelag;L;I;O", "Lauvåsen;Trøndelag;M;E;", "Sandvær;Rogaland;L;OB;S", "Stavnes;Rogaland;S;S;I",
        "Rørvika;Møre og Romsdal;M;;B", "Moldbakken;Møre og Romsdal;M;SI;", "Tjøsvik;Vestfold;S;O;",
        "Kvernstad;Telemark;M;B;E", "Isebakke;Østfold;L;SE;O", "Eikerli;Buskerud;S;;");

    private static final List<String> FORMATS = List.of("pdf", "docx", "html", "txt");
    private static final Map<String, DocumentRenderer> RENDERERS = Map.of(
        "pdf", new PdfRenderer(), "docx", new DocxRenderer(), "html", new HtmlRenderer(), "txt", new TxtRenderer());

    /** A document of a bundle: the opening it takes, the topics it speaks of (governance or record side). */
    private record Doc(String key, String folder, String file, String title, List<Topic> governance, List<Topic> records) {
    }

    private static final List<Doc> DOCS = List.of(
        new Doc("rutine", "styringsdokumenter", "rutine-samarbeid", "Rutine for samarbeid om barn og unge i {kommune} kommune",
            List.of(Topic.values()), List.of()),
        new Doc("journal", "journaler", "journalnotat-helsestasjon", "Journalnotat fra helsestasjonen",
            List.of(), List.of(Topic.OPPLYSNINGSPLIKT, Topic.BARN_SOM_PARORENDE)),
        new Doc("tiltaksplan", "klientdokumentasjon", "tiltaksplan", "Tiltaksplan for gutt, 15 år",
            List.of(), List.of(Topic.INDIVIDUELL_PLAN, Topic.SAMARBEID)),
        new Doc("nav", "klientdokumentasjon", "nav-notat-ettervern", "Notat fra NAV {kommune} om ettervern",
            List.of(), List.of(Topic.ETTERVERN)),
        new Doc("referat", "styringsdokumenter", "referat-samarbeidsmote", "Referat fra samarbeidsmøte i {kommune}",
            List.of(), List.of()),
        new Doc("psykisk", "journaler", "notat-psykisk-helse", "Notat fra psykisk helse og rus",
            List.of(), List.of(Topic.BARN_SOM_PARORENDE)),
        new Doc("kompetanse", "styringsdokumenter", "kompetanseplan", "Kompetanseplan for tjenester til barn og unge",
            List.of(), List.of()));

    private NationwideSet() {
    }

    /** The 22 municipalities, in the table's order. */
    public static List<Municipality> municipalities() {
        List<Municipality> out = new ArrayList<>();
        for (int i = 0; i < TABLE.size(); i++) {
            String[] f = TABLE.get(i).split(";", -1);
            Set<Topic> avvik = Topic.of(f[3]);
            Set<Topic> merknad = Topic.of(f[4]);
            merknad.removeAll(avvik);
            out.add(new Municipality(i, f[0], f[1], slug(f[0]) + "-" + YEAR, f[2].charAt(0), avvik, merknad));
        }
        return List.copyOf(out);
    }

    /** A municipality to audit in a set of another size (a real one, say): its name and county. */
    public record Place(String name, String county) {
    }

    /**
     * A set of any size over the given places (a full-size nationwide audit: every municipality of Norway): each
     * municipality's size and its standing on each requirement drawn from a fixed seed, so that the same places give
     * the same set. A requirement is broken about one time in five and half met about one in six, so that some
     * municipalities get no finding; the texts are the 22-municipality set's, filled in with each place's name. A case
     * id is the name's ({@code bodo-2026}), with the county's added where two places share a name ({@code valer-innlandet-2026}).
     */
    public static List<Municipality> municipalities(List<Place> places) {
        Random draw = new Random(SEED);
        Map<String, Long> named = new HashMap<>();
        places.forEach(p -> named.merge(p.name(), 1L, Long::sum));
        List<Municipality> out = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            Place p = places.get(i);
            int size = draw.nextInt(20);
            char letter = size < 10 ? 'S' : size < 17 ? 'M' : 'L';
            Set<Topic> avvik = EnumSet.noneOf(Topic.class);
            Set<Topic> merknad = EnumSet.noneOf(Topic.class);
            for (Topic t : Topic.values()) {
                int standing = draw.nextInt(100);
                if (standing < 20) {
                    avvik.add(t);
                } else if (standing < 37) {
                    merknad.add(t);
                }
            }
            String id = named.get(p.name()) > 1 ? slug(p.name()) + "-" + slug(p.county()) : slug(p.name());
            out.add(new Municipality(i, p.name(), p.county(), id + "-" + YEAR, letter, avvik, merknad));
        }
        return List.copyOf(out);
    }

    /** Renders every municipality's bundle into {@code dir/<case id>/}. */
    public static List<Bundle> writeAll(Path dir) throws IOException {
        return writeAll(dir, municipalities());
    }

    /** Renders the given municipalities' bundles into {@code dir/<case id>/}. */
    public static List<Bundle> writeAll(Path dir, List<Municipality> municipalities) throws IOException {
        List<Bundle> out = new ArrayList<>();
        for (Municipality m : municipalities) {
            out.add(write(m, dir.resolve(m.caseId())));
        }
        return out;
    }

    /** Renders one municipality's bundle (with its {@code manifest.csv}) into {@code dir}. */
    public static Bundle write(Municipality m, Path dir) throws IOException {
        int count = switch (m.size()) {
            case 'S' -> 3;
            case 'M' -> 5;
            default -> DOCS.size();
        };
        List<Quote> avvik = new ArrayList<>();
        List<Quote> merknad = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("path,type,title,date\r\n");
        for (int j = 0; j < count; j++) {
            Doc doc = DOCS.get(j);
            String format = FORMATS.get((m.index() + j) % FORMATS.size());
            List<String> paragraphs = new ArrayList<>();
            String title = fill(doc.title(), m);
            paragraphs.add(title);
            NationwideTexts.OPENINGS.getOrDefault(doc.key(), List.of()).forEach(p -> paragraphs.add(fill(p, m)));
            for (Topic t : doc.governance()) {
                NationwideTexts.TopicTexts texts = NationwideTexts.TOPICS.get(t);
                paragraphs.add(fill(pick(m, t, texts.ok(), texts.merknad(), texts.avvik(), avvik, merknad).paragraph(), m));
            }
            for (Topic t : doc.records()) {
                NationwideTexts.TopicTexts texts = NationwideTexts.TOPICS.get(t);
                paragraphs.add(fill(pick(m, t, texts.recordOk(), texts.recordMerknad(), texts.recordAvvik(), avvik, merknad).paragraph(), m));
            }
            LocalDate date = LocalDate.of(YEAR, 1 + (m.index() + j) % 9, 1 + (m.index() * 3 + j * 5) % 27);
            String path = doc.folder() + "/" + doc.file() + "." + format;
            Path target = dir.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, RENDERERS.get(format).render(new SourceText(paragraphs, Set.of()), title, date));
            manifest.append(path).append(',').append(SampleDocument.typeOf(path)).append(",\"")
                .append(title.replace("\"", "\"\"")).append("\",").append(date).append("\r\n");
        }
        Files.writeString(dir.resolve("manifest.csv"), manifest, StandardCharsets.UTF_8);
        return new Bundle(m, dir, dedupe(avvik), dedupe(merknad));
    }

    /** The variant for a municipality's standing on a topic; a quotable one is noted among the quotations. */
    private static NationwideTexts.Variant pick(Municipality m, Topic t, NationwideTexts.Variant ok, NationwideTexts.Variant merknad,
                                                NationwideTexts.Variant avvik, List<Quote> avvikQuotes, List<Quote> merknadQuotes) {
        if (m.avvik().contains(t)) {
            avvikQuotes.add(new Quote(t, avvik.phrase(), fill(avvik.quote(), m)));
            return avvik;
        }
        if (m.merknad().contains(t)) {
            merknadQuotes.add(new Quote(t, merknad.phrase(), fill(merknad.quote(), m)));
            return merknad;
        }
        return ok;
    }

    private static List<Quote> dedupe(List<Quote> quotes) {
        return quotes.stream().distinct().toList();
    }

    private static String fill(String text, Municipality m) {
        return text.replace("{kommune}", m.name()).replace("{fylke}", m.county()).replace("{år}", String.valueOf(YEAR));
    }

    /** A case id from a name: lower case, æ ø å spelt ae o a. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a").replaceAll("[^a-z0-9]+", "-");
    }

    /** Writes the whole set into the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        BundleMain.run("NationwideSet", args, dir -> "Wrote the bundles of " + writeAll(dir).size() + " municipalities under " + dir);
    }
}

package no.evidens.models.tag;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Law and regulation names in their many written forms (Bokmål, Nynorsk, abbreviations, full titles),
 * each mapped to one short Bokmål name.
 */
final class LawNames {
    private static final Map<String, String> NAMES = new HashMap<>();
    /** Lovdata's identity of a law or regulation, {@code 1992-07-17-100}, to its short name. */
    private static final Map<String, String> DATED = new HashMap<>();
    private static final List<String> MONTHS = List.of("januar", "februar", "mars", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "desember");
    /**
     * The patterns {@link #canonical} and {@link #isKnown} clean a written name with, compiled once: as
     * {@code String.replaceAll}/{@code replaceFirst} they were compiled again at every law reference (each call does
     * {@code Pattern.compile(regex).matcher(this).replace…}, the same replacements; flight recording of an ingest, round 61).
     */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ET_CETERA = Pattern.compile("\\s+(?:m\\.\\s?m|mv|m\\.v)\\.?$");
    private static final Pattern REGULATION_DEFINITE = Pattern.compile("^(?:forskriften|forskrifta) om ");
    private static final Pattern LAW_DEFINITE = Pattern.compile("^loven om ");
    private static final Pattern UNDER_LAW = Pattern.compile("\\s+(?:etter|i medhold av|i medhald av)\\s+.*$");
    /** A full stop at the end of a name. */
    static final Pattern FINAL_STOP = Pattern.compile("\\.$");
    /** {@code lov 17. juli 1992 nr. 100 om barneverntjenester}, {@code forskrift av 18. desember 2009 nr. 1586 om …}. */
    private static final Pattern DATED_TITLE = Pattern.compile(
            "^(lov|forskrift)(?:en|a)?\\s+(?:av\\s+)?(\\d{1,2})\\.\\s*(\\p{L}+)\\s+(\\d{4})(?:\\s+nr\\.?\\s*(\\d{1,4}))?\\s+(om\\s+.+)$");

    private static void add(String canonical, String... forms) {
        NAMES.put(canonical, canonical);
        for (String f : forms) {
            NAMES.put(f, canonical);
        }
    }

    static {
        add("barnevernloven", "barnevernlova", "barnevernslova", "barnevernsloven", "bvl", "bvl.", "bvl-",
                "lov om barneverntjenester", "lov om barnevernstenester", "lov om barnevern", "barnevernlovi");
        add("helsepersonelloven", "helsepersonellova", "hpl", "hpl.", "lov om helsepersonell", "lov om helsepersonell m.v.",
                "lov om helsepersonell mv.");
        add("forvaltningsloven", "forvaltningslova", "fvl", "fvl.", "lov om behandlingsmåten i forvaltningssaker");
        add("sosialtjenesteloven", "sosialtenestelova", "sosialtjenestelova", "sosialtenesteloven", "stjl", "stjl.",
                "sotjl", "sotjl.", "sosialtjenestelov", "lov om sosiale tjenester i arbeids- og velferdsforvaltningen",
                "lov om sosiale tenester i arbeids- og velferdsforvaltninga", "lov om sosiale tjenester i nav",
                "lov om sosiale tenester i nav", "lov om sosiale tjenester");
        add("kommuneloven", "kommunelova", "koml", "koml.", "lov om kommuner og fylkeskommuner");
        add("pasient- og brukerrettighetsloven", "pasient- og brukarrettslova", "pasient- og brukarrettighetslova",
                "pasient- og brukerrettighetslova", "pasientrettighetsloven", "pasientrettighetslova", "pbrl", "pbrl.",
                "pasrl", "pasrl.", "lov om pasient- og brukerrettigheter", "lov om pasient- og brukarrettar",
                "pasient- og brukerettighetsloven");
        add("helse- og omsorgstjenesteloven", "helse- og omsorgstenestelova", "helse- og omsorgstjenestelova", "hol",
                "hol.", "hotjl", "hotjl.", "lov om kommunale helse- og omsorgstjenester",
                "lov om kommunale helse- og omsorgstenester", "lov om kommunale helse- og omsorgstjenester m.m.");
        add("opplæringsloven", "opplæringslova", "oppll", "oppll.", "lov om grunnskolen og den vidaregåande opplæringa",
                "lov om grunnskolen og den videregående opplæringen", "lov om grunnskoleopplæringa og den vidaregåande opplæringa");
        add("folkehelseloven", "folkehelselova", "lov om folkehelsearbeid");
        add("helsetilsynsloven", "helsetilsynslova", "lov om statlig tilsyn med helse- og omsorgstjenesten",
                "lov om statlig tilsyn med helse- og omsorgstjenesten m.m.", "lov om statleg tilsyn med helse- og omsorgstenesta",
                "lov om statlig tilsyn med helsetjenesten", "lov om statlig tilsyn med helse og omsorgstjenesten m.m",
                "lov om statlig tilsyn med helse og omsorgstjenesten");
        add("spesialisthelsetjenesteloven", "spesialisthelsetenestelova", "sphl", "lov om spesialisthelsetjenesten");
        add("psykisk helsevernloven", "psykisk helsevernlova", "phvl", "lov om etablering og gjennomføring av psykisk helsevern");
        add("kommunehelsetjenesteloven", "kommunehelsetenestelova", "lov om helsetjenesten i kommunene");
        add("offentlighetsloven", "offentleglova", "offl", "offl.", "lov om rett til innsyn i dokument i offentleg verksemd");
        add("arbeids- og velferdsforvaltningsloven", "nav-loven", "nav-lova", "lov om arbeids- og velferdsforvaltningen");
        add("grunnloven", "grunnlova", "grl", "grl.");
        add("barneloven", "barnelova");
        add("helseberedskapsloven", "helseberedskapslova", "lov om helsemessig og sosial beredskap");
        add("sivilbeskyttelsesloven", "sivilbeskyttelseslova", "lov om kommunal beredskapsplikt, sivile beskyttelsestiltak og sivilforsvaret");
        add("internkontrollforskriften", "internkontrollforskrifta", "forskrift om internkontroll",
                "forskrift om internkontroll i sosial- og helsetjenesten", "forskrift om internkontroll i helse- og omsorgstjenesten",
                "forskrift om internkontroll i kommunens oppgaver etter lov om barneverntjenester",
                "forskrift om internkontroll for kommunens oppgaver etter lov om barneverntjenester");
        add("forskrift om ledelse og kvalitetsforbedring", "forskrift om leiing og kvalitetsforbetring",
                "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten",
                "forskrift om leiing og kvalitetsforbetring i helse- og omsorgstenesta");
        add("forskrift om individuell plan", "forskrift om habilitering og rehabilitering, individuell plan og koordinator",
                "forskrift om habilitering og rehabilitering");
        add("forskrift om helsestasjons- og skolehelsetjenesten",
                "forskrift om kommunens helsefremmende og forebyggende arbeid i helsestasjons- og skolehelsetjenesten",
                "forskrift om helsestasjons- og skulehelsetenesta");
        add("pasientjournalforskriften", "pasientjournalforskrifta", "forskrift om pasientjournal");
        add("fastlegeforskriften", "fastlegeforskrifta", "forskrift om fastlegeordning i kommunene");
        add("barnevernsforskriften", "barnevernsforskrifta", "forskrift om barnevern");

        // Lovdata identities (date and number), public facts; a title written with them is read by them first
        dated("barnevernloven", "1992-07-17-100", "2021-06-18-97");
        dated("helsepersonelloven", "1999-07-02-64");
        dated("pasient- og brukerrettighetsloven", "1999-07-02-63");
        dated("spesialisthelsetjenesteloven", "1999-07-02-61");
        dated("psykisk helsevernloven", "1999-07-02-62");
        dated("helse- og omsorgstjenesteloven", "2011-06-24-30");
        dated("folkehelseloven", "2011-06-24-29");
        dated("sosialtjenesteloven", "2009-12-18-131");
        dated("kommunehelsetjenesteloven", "1982-11-19-66");
        dated("helseberedskapsloven", "2000-06-23-56");
        dated("helsetilsynsloven", "1984-03-30-15");
        dated("opplæringsloven", "1998-07-17-61", "2023-06-09-30");
        dated("kommuneloven", "1992-09-25-107", "2018-06-22-83");
        dated("offentlighetsloven", "2006-05-19-16");
        dated("arbeids- og velferdsforvaltningsloven", "2006-06-16-20");
        dated("barneloven", "1981-04-08-7");
        dated("sivilbeskyttelsesloven", "2010-06-25-45");
        dated("forskrift om ledelse og kvalitetsforbedring", "2016-10-28-1250");
        dated("internkontrollforskriften", "2002-12-20-1731", "2005-12-14-1584");
        dated("forskrift om individuell plan", "2011-12-16-1256");
        dated("forskrift om helsestasjons- og skolehelsetjenesten", "2018-10-19-1584");
        dated("pasientjournalforskriften", "2019-03-01-168");
        dated("fastlegeforskriften", "2012-08-29-842");
    }

    private static void dated(String canonical, String... ids) {
        for (String id : ids) {
            DATED.put(id, canonical);
        }
    }

    private LawNames() {
    }

    /** The short Bokmål name of a law as written (any case, genitive allowed). */
    static String canonical(String written) {
        String w = SPACES.matcher(written.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        w = ET_CETERA.matcher(w).replaceAll("");
        w = REGULATION_DEFINITE.matcher(w).replaceFirst("forskrift om ");
        w = LAW_DEFINITE.matcher(w).replaceFirst("lov om ");
        Matcher dated = DATED_TITLE.matcher(w);
        if (dated.matches()) {
            // lov 17. juli 1992 nr. 100 om barneverntjenester: by date and number when listed, else by the title
            String byId = byDateAndNumber(dated);
            return byId != null ? byId : canonical(dated.group(1) + " " + dated.group(6));
        }
        // forskrift om … mv. etter lov om …: the regulation's own title names it
        if (w.startsWith("forskrift om ")) {
            w = ET_CETERA.matcher(UNDER_LAW.matcher(w).replaceFirst("")).replaceAll("");
        }
        String known = NAMES.get(w);
        if (known != null) {
            return known;
        }
        String base = w;
        if (base.endsWith("lovens") || base.endsWith("lovas") || base.endsWith("forskriftens") || base.endsWith("forskriftas")) {
            base = base.substring(0, base.length() - 1);
        }
        known = NAMES.get(base);
        if (known != null) {
            return known;
        }
        if (base.endsWith("lova")) {
            return base.substring(0, base.length() - 4) + "loven";
        }
        if (base.endsWith("forskrifta")) {
            return base.substring(0, base.length() - 1) + "en";
        }
        return base;
    }

    private static String byDateAndNumber(Matcher dated) {
        int month = MONTHS.indexOf(dated.group(3)) + 1;
        if (month == 0 || dated.group(5) == null) {
            return null;
        }
        String id = String.format(Locale.ROOT, "%s-%02d-%02d-%s", dated.group(4), month,
                Integer.parseInt(dated.group(2)), dated.group(5));
        return DATED.get(id);
    }

    /** Whether the name (any case, genitive allowed) is one of the listed forms. */
    static boolean isKnown(String written) {
        String w = FINAL_STOP.matcher(SPACES.matcher(written.strip()).replaceAll(" ")).replaceAll("").toLowerCase(Locale.ROOT);
        return NAMES.containsKey(w) || NAMES.containsKey(w + ".");
    }
}

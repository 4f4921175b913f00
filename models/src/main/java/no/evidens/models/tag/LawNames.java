package no.evidens.models.tag;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Law and regulation names in their many written forms (Bokmål, Nynorsk, abbreviations, full titles),
 * each mapped to one short Bokmål name.
 */
final class LawNames {
    private static final Map<String, String> NAMES = new HashMap<>();

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
    }

    private LawNames() {
    }

    /** The short Bokmål name of a law as written (any case, genitive allowed). */
    static String canonical(String written) {
        String w = written.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                .replaceAll("\\s+(?:m\\.\\s?m|mv|m\\.v)\\.?$", "")
                .replaceFirst("^(?:forskriften|forskrifta) om ", "forskrift om ").replaceFirst("^loven om ", "lov om ");
        // forskrift om … mv. etter lov om …: the regulation's own title names it
        if (w.startsWith("forskrift om ")) {
            w = w.replaceFirst("\\s+(?:etter|i medhold av|i medhald av)\\s+.*$", "").replaceAll("\\s+(?:m\\.\\s?m|mv|m\\.v)\\.?$", "");
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

    /** Whether the name (any case, genitive allowed) is one of the listed forms. */
    static boolean isKnown(String written) {
        String w = written.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "").toLowerCase(Locale.ROOT);
        return NAMES.containsKey(w) || NAMES.containsKey(w + ".");
    }
}

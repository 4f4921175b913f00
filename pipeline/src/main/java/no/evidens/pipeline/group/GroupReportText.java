package no.evidens.pipeline.group;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import no.evidens.pipeline.export.NationalIds;

/** The words and table rows the summary report's formats (DOCX, XLSX) share, in Norwegian. */
final class GroupReportText {
    static final List<String> REQUIREMENT_HEADER = List.of("Lovkrav", "Kommuner med avvik", "Kommuner med merknad", "Kommuner med avvik (navn)");
    static final List<String> INDICATOR_HEADER = List.of("Indikator", "Avsnitt", "Funn", "Kommuner med funn");
    static final List<String> PLACE_HEADER = List.of("Fylke", "Kommune", "Sak", "Avvik", "Merknader", "Lovkrav med avvik");
    static final List<String> COUNTY_HEADER = List.of("Fylke", "Kommuner", "Med avvik", "Med bare merknader", "Uten funn", "Avvik",
            "Merknader");
    /** How many municipalities a cell of the report's requirements table names; more are counted, and named in the municipalities' table. */
    static final int NAMES_IN_CELL = 15;
    /** Counties and municipalities in Norwegian alphabetical order (æ, ø, å last). */
    private static final Collator NORWEGIAN = Collator.getInstance(Locale.forLanguageTag("nb-NO"));

    private GroupReportText() {
    }

    static String title(GroupOverview o) {
        // the group's title is the auditor's own words, as a finding's are: no fødselsnummer leaves in the report
        return "Oppsummering: " + NationalIds.mask(o.title());
    }

    static String byline(GroupReport r) {
        return "Gruppe " + r.overview().group() + " · laget " + r.madeAt().substring(0, 10) + " av " + r.madeBy()
                + (r.anonymised() ? " · personopplysninger er fjernet fra sitatene" : "");
    }

    /** The main counts: label and number. */
    static List<List<String>> totals(GroupOverview o) {
        GroupOverview.Totals t = o.totals();
        return List.of(row("Kommuner i tilsynet", t.municipalities()), row("Kommuner med avvik", t.withAvvik()),
                row("Kommuner med bare merknader", t.withMerknadOnly()), row("Kommuner uten funn", t.withoutFindings()),
                row("Avvik i alt", t.avvik()), row("Merknader i alt", t.merknader()));
    }

    static String summary(GroupOverview o) {
        GroupOverview.Totals t = o.totals();
        return "Tilsynet omfattet " + t.municipalities() + " kommuner. " + t.withAvvik() + " av dem fikk ett eller flere avvik, "
                + t.withMerknadOnly() + " fikk bare merknader, og " + t.withoutFindings() + " fikk ingen funn.";
    }

    /** The requirements' rows, every municipality with an avvik named (the spreadsheet's). */
    static List<List<String>> requirementRows(GroupOverview o) {
        return requirementRows(o, Integer.MAX_VALUE);
    }

    /**
     * The requirements' rows; a row with more than {@code names} municipalities with an avvik counts them and points to the
     * municipalities' table, which names each one's requirements (a nationwide audit: 70 names in a cell filled a page).
     */
    static List<List<String>> requirementRows(GroupOverview o, int names) {
        List<List<String>> out = new ArrayList<>();
        for (GroupOverview.RequirementRow r : o.requirements()) {
            String named = r.avvik().size() <= names ? String.join(", ", r.avvik())
                    : r.avvik().size() + " kommuner: se tabellen «Kommunene i tilsynet»";
            out.add(List.of(r.requirement(), String.valueOf(r.avvik().size()), String.valueOf(r.merknad().size()), named));
        }
        return out;
    }

    /** One county's municipalities: how many, with avvik, with merknader only, with no finding, and its avvik and merknader. */
    record County(String county, int municipalities, int withAvvik, int withMerknadOnly, int withoutFindings, int avvik, int merknader) {
    }

    /** The group's counties in alphabetical order, each with its counts. */
    static List<County> counties(GroupOverview o) {
        Map<String, List<GroupOverview.Place>> byCounty = new TreeMap<>(NORWEGIAN);
        o.municipalities().forEach(p -> byCounty.computeIfAbsent(p.county(), k -> new ArrayList<>()).add(p));
        List<County> out = new ArrayList<>();
        byCounty.forEach((county, places) -> out.add(new County(county, places.size(),
                (int) places.stream().filter(p -> p.avvik() > 0).count(),
                (int) places.stream().filter(p -> p.avvik() == 0 && p.merknader() > 0).count(),
                (int) places.stream().filter(p -> p.avvik() == 0 && p.merknader() == 0).count(),
                places.stream().mapToInt(GroupOverview.Place::avvik).sum(), places.stream().mapToInt(GroupOverview.Place::merknader).sum())));
        return out;
    }

    static List<List<String>> countyRows(GroupOverview o) {
        List<List<String>> out = new ArrayList<>();
        for (County c : counties(o)) {
            out.add(List.of(c.county(), String.valueOf(c.municipalities()), String.valueOf(c.withAvvik()), String.valueOf(c.withMerknadOnly()),
                    String.valueOf(c.withoutFindings()), String.valueOf(c.avvik()), String.valueOf(c.merknader())));
        }
        return out;
    }

    /** The municipalities by county and name. */
    static List<GroupOverview.Place> placesInOrder(GroupOverview o) {
        List<GroupOverview.Place> out = new ArrayList<>(o.municipalities());
        out.sort(Comparator.comparing(GroupOverview.Place::county, NORWEGIAN).thenComparing(GroupOverview.Place::label, NORWEGIAN));
        return out;
    }

    /** The indicators some finding quotes, most findings first. */
    static List<GroupOverview.IndicatorRow> citedIndicators(GroupOverview o) {
        return o.indicators().stream().filter(i -> i.findings() > 0)
                .sorted((a, b) -> Integer.compare(b.findings(), a.findings())).toList();
    }

    static List<List<String>> indicatorRows(GroupOverview o) {
        List<List<String>> out = new ArrayList<>();
        for (GroupOverview.IndicatorRow i : citedIndicators(o)) {
            out.add(List.of(i.label(), String.valueOf(i.passages()), String.valueOf(i.findings()), String.valueOf(withFindings(i))));
        }
        return out;
    }

    static long withFindings(GroupOverview.IndicatorRow i) {
        return i.cells().values().stream().filter(c -> c.findings() > 0).count();
    }

    /** A row per municipality, by county and name, with the requirements it got an avvik on. */
    static List<List<String>> placeRows(GroupOverview o) {
        List<List<String>> out = new ArrayList<>();
        for (GroupOverview.Place p : placesInOrder(o)) {
            String broken = String.join(", ", o.requirements().stream().filter(r -> r.avvik().contains(p.label()))
                    .map(GroupOverview.RequirementRow::requirement).toList());
            out.add(List.of(p.county(), p.label(), p.caseId(), String.valueOf(p.avvik()), String.valueOf(p.merknader()), broken));
        }
        return out;
    }

    private static List<String> row(String label, int n) {
        return List.of(label, String.valueOf(n));
    }
}

package no.evidens.pipeline.group;

import java.util.ArrayList;
import java.util.List;

import no.evidens.pipeline.export.NationalIds;

/** The words and table rows the summary report's formats (DOCX, XLSX) share, in Norwegian. */
final class GroupReportText {
    static final List<String> REQUIREMENT_HEADER = List.of("Lovkrav", "Kommuner med avvik", "Kommuner med merknad", "Kommuner med avvik (navn)");
    static final List<String> INDICATOR_HEADER = List.of("Indikator", "Avsnitt", "Funn", "Kommuner med funn");
    static final List<String> PLACE_HEADER = List.of("Fylke", "Kommune", "Sak", "Avvik", "Merknader");

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

    static List<List<String>> requirementRows(GroupOverview o) {
        List<List<String>> out = new ArrayList<>();
        for (GroupOverview.RequirementRow r : o.requirements()) {
            out.add(List.of(r.requirement(), String.valueOf(r.avvik().size()), String.valueOf(r.merknad().size()), String.join(", ", r.avvik())));
        }
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

    static List<List<String>> placeRows(GroupOverview o) {
        List<List<String>> out = new ArrayList<>();
        for (GroupOverview.Place p : o.municipalities()) {
            out.add(List.of(p.county(), p.municipality(), p.caseId(), String.valueOf(p.avvik()), String.valueOf(p.merknader())));
        }
        return out;
    }

    private static List<String> row(String label, int n) {
        return List.of(label, String.valueOf(n));
    }
}

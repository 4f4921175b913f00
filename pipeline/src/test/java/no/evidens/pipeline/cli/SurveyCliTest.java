package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/** {@code evidens survey create|add|list|remove}: a group kept in the home, printed with its cases, or as JSON. */
class SurveyCliTest {
    @TempDir
    Path home;

    /** Ingests a one-note bundle into case ospedal-2026. */
    private void ingestOspedal() throws Exception {
        Path bundle = Files.createDirectories(home.resolve("bunt/journaler"));
        Files.writeString(bundle.resolve("notat.txt"), "Ansvarsgruppen i Ospedal møttes i mars.");
        CliRun ingest = CliRun.of(List.of("ingest", home.resolve("bunt").toString(), "--case", "ospedal-2026", "--home", home.toString()));
        assertEquals(0, ingest.code(), ingest.err());
    }

    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--user", "testar"));
        CliRun r = CliRun.of(all);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void aGroupIsMadeFilledListedAndEmptied() {
        assertEquals("No groups yet (see: evidens survey create --help)", run("survey", "list").strip());
        assertEquals("[ ]", run("survey", "list", "--json").strip());
        assertEquals("tilsyn-2026  Landstilsyn  (0 cases)", run("survey", "create", "tilsyn-2026", "--title", "Landstilsyn").strip());
        String added = run("survey", "add", "tilsyn-2026", "--case", "ospedal-2026", "--kommune", "Ospedal", "--fylke", "Vestland");
        assertTrue(added.startsWith("tilsyn-2026  Landstilsyn  (1 case)\n"), added);
        assertTrue(added.matches("(?s).*ospedal-2026 +Ospedal +Vestland\\n"), added);
        assertEquals(added, run("survey", "list"));
        String json = run("survey", "list", "--json");
        assertTrue(json.contains("\"municipality\" : \"Ospedal\"") && json.contains("\"createdBy\" : \"testar\""), json);
        assertEquals("tilsyn-2026  Landstilsyn  (0 cases)", run("survey", "remove", "tilsyn-2026", "--case", "ospedal-2026").strip());
    }

    @Test
    void aCaseWithNothingInItYetIsAddedWithANoteToCatchAMisspeltName() {
        run("survey", "create", "tilsyn-2026", "--title", "Landstilsyn");
        CliRun r = CliRun.of(List.of("survey", "add", "tilsyn-2026", "--case", "ospdal-2026", "--kommune", "Ospedal", "--fylke", "Vestland",
                "--home", home.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ospdal-2026"), r.out());
        assertEquals("note: no bundle is ingested into case ospdal-2026 and it has no finding yet: check its name, or ingest its bundle"
                + " with --case ospdal-2026", r.err().strip());
    }

    @Test
    void aSearchForAPlaceOrCaseTheGroupDoesNotHaveIsAUsageErrorOfOneLine() {
        run("survey", "create", "tilsyn-2026", "--title", "Landstilsyn");
        run("survey", "add", "tilsyn-2026", "--case", "ospedal-2026", "--kommune", "Ospedal", "--fylke", "Vestland");
        // refused before the index is opened: this home has none
        CliRun r = CliRun.of(List.of("survey", "search", "tilsyn-2026", "plan", "kommune:Ospedalen", "--home", home.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("evidens: no case of the group tilsyn-2026 is in the municipality Ospedalen (its municipalities: Ospedal)\n", r.err());
        assertEquals("", r.out());
        CliRun county = CliRun.of(List.of("survey", "search", "tilsyn-2026", "--filter", "fylke:Agder", "--home", home.toString()));
        assertEquals(2, county.code(), county.err());
        assertEquals("evidens: no case of the group tilsyn-2026 is in the county Agder (its counties: Vestland)\n", county.err());
        CliRun term = CliRun.of(List.of("survey", "search", "tilsyn-2026", "plan", "sak:dalen-2026", "--home", home.toString()));
        assertEquals(2, term.code(), term.err());
        assertEquals("evidens: the case dalen-2026 is not in the group tilsyn-2026 (its cases: ospedal-2026)\n", term.err());
    }

    @Test
    void aReportIsWrittenIntoAFolderNotThereYetAndAnEmptySearchSaysWhatItLists() throws Exception {
        ingestOspedal();
        run("survey", "create", "tilsyn-2026", "--title", "Landstilsyn");
        CliRun added = CliRun.of(List.of("survey", "add", "tilsyn-2026", "--case", "ospedal-2026", "--kommune", "Ospedal", "--fylke", "Vestland",
                "--home", home.toString()));
        assertEquals(0, added.code(), added.err());
        assertEquals("", added.err(), "an ingested case is added without a note");
        for (String name : List.of("rapport.docx", "rapport.xlsx")) {
            Path out = home.resolve("ny/mappe").resolve(name);
            String said = run("survey", "report", "tilsyn-2026", "--out", out.toString());
            assertTrue(said.startsWith("Wrote the summary report of tilsyn-2026"), said);
            assertTrue(Files.isRegularFile(out), out + " written");
        }
        // an empty query lists every passage, and says so rather than the query it is run as
        String all = run("survey", "search", "tilsyn-2026");
        assertTrue(all.startsWith("1 hit for (no query: every passage of the group) ("), all);
        // one merknad is one merknad, not «1 merknader»
        run("finding", "create", "--case", "ospedal-2026", "--kind", "merknad", "--title", "Ansvarsgruppen møtes sjelden");
        String overview = run("survey", "overview", "tilsyn-2026");
        assertTrue(overview.contains("; 0 avvik, 1 merknad\n"), overview);
    }

    /** A case in two groups: a quotation chosen for one group's report is not chosen for the other's. */
    @Test
    void aQuotationIsChosenForOneGroupNotForEveryGroupOfItsCase() throws Exception {
        ingestOspedal();
        for (String group : List.of("tilsyn-2026", "nord-2026")) {
            run("survey", "create", group);
            run("survey", "add", group, "--case", "ospedal-2026", "--kommune", "Ospedal", "--fylke", "Vestland");
        }
        run("finding", "create", "--case", "ospedal-2026", "--kind", "avvik", "--title", "Ansvarsgruppen møtes sjelden",
                "--requirement", "barnevernloven § 15-8");
        run("finding", "attach", "--case", "ospedal-2026", "avvik-1", "--search", "ansvarsgruppen");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(\\d+)").matcher(run("survey", "quotations", "tilsyn-2026"));
        assertTrue(m.find(), "the quotation is listed with its item number");
        String item = m.group(1);
        assertEquals("Quotation #" + item + " of ospedal-2026 is chosen for the summary report of tilsyn-2026",
                run("survey", "choose", "tilsyn-2026", "--case", "ospedal-2026", item).strip());
        assertTrue(run("survey", "quotations", "tilsyn-2026").contains("  * #" + item + " "), "chosen for tilsyn-2026");
        // round 54: the page's filters as options, and a line counting what was listed
        String chosen = run("survey", "quotations", "tilsyn-2026", "--fylke", "vestland", "--kind", "avvik", "--chosen");
        assertTrue(chosen.contains("  * #" + item + " ") && chosen.strip().endsWith("1 quotation, 1 chosen for the report"), chosen);
        assertTrue(run("survey", "quotations", "tilsyn-2026", "--kind", "merknad").strip()
                .equals("No quotation matches (1 in the group)"));
        CliRun nordland = CliRun.of(List.of("survey", "quotations", "tilsyn-2026", "--fylke", "Nordland", "--home", home.toString()));
        assertEquals(2, nordland.code(), nordland.err());
        assertTrue(nordland.err().startsWith("evidens: no case of the group tilsyn-2026 is in the county Nordland"), nordland.err());
        assertTrue(run("survey", "quotations", "nord-2026").contains("    #" + item + " "), "not chosen for nord-2026");
        run("survey", "choose", "nord-2026", "--case", "ospedal-2026", item);
        run("survey", "choose", "tilsyn-2026", "--case", "ospedal-2026", item, "--undo");
        assertTrue(run("survey", "quotations", "nord-2026").contains("  * #" + item + " "), "an undo for one group leaves the other's");
        assertTrue(run("survey", "quotations", "tilsyn-2026").contains("    #" + item + " "));
        // a case outside the group is refused by name, before its quotations are looked for
        run("survey", "create", "tom-2026");
        CliRun outside = CliRun.of(List.of("survey", "choose", "tom-2026", "--case", "ospedal-2026", item, "--home", home.toString()));
        assertEquals(2, outside.code(), outside.err());
        assertEquals("evidens: the case ospedal-2026 is not in the group tom-2026 (see: evidens survey list)\n", outside.err());
        // the journal's words listed are in the case's trail, as the findings page's are (round 47 found no line)
        String trail = run("audit", "--case", "ospedal-2026");
        assertTrue(trail.contains(" testar show-quotations finding avvik-1 (siterer ") && trail.contains(", evidens survey quotations)"), trail);
    }

    @Test
    void aReadingCommandsHelpDoesNotSayItMakesAChange() {
        for (String command : List.of("list", "search", "overview", "quotations")) {
            CliRun help = CliRun.of(List.of("survey", command, "--help"));
            assertEquals(0, help.code(), help.err());
            assertTrue(help.out().contains("Who acts, for the audit trail") && !help.out().contains("makes the change"), help.out());
        }
    }
}

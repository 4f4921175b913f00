package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/**
 * {@code evidens survey choose} of a misspelt case says the case is not in the group, rather than that it has no such
 * quotation; a case of the group without the quotation is told that.
 */
class SurveyChooseTest {
    @TempDir
    Path home;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--user", "testar"));
        return CliRun.of(all);
    }

    @Test
    void aMisspeltCaseIsToldItIsNotInTheGroupAndACaseOfTheGroupThatItHasNoSuchQuotation() {
        assertEquals(0, run("survey", "create", "tilsyn-2026", "--title", "Landstilsyn").code());
        assertEquals(0, run("survey", "add", "tilsyn-2026", "--case", "ospedal-2026", "--kommune", "Ospedal", "--fylke", "Vestland").code());
        CliRun none = run("survey", "choose", "tilsyn-2026", "--case", "nosuch-2026", "1");
        assertEquals(2, none.code(), none.out());
        assertEquals("evidens: the case nosuch-2026 is not in the group tilsyn-2026 (see: evidens survey list)", none.err().strip());

        CliRun inGroup = run("survey", "choose", "tilsyn-2026", "--case", "ospedal-2026", "1");
        assertEquals(2, inGroup.code(), inGroup.out());
        assertEquals("evidens: case ospedal-2026 has no quotation #1", inGroup.err().strip());
    }
}

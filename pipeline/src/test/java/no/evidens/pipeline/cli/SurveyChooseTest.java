package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/** {@code evidens survey choose} of a case in no group says so, rather than that the case has no such quotation. */
class SurveyChooseTest {
    @TempDir
    Path home;

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--user", "testar"));
        return CliRun.of(all);
    }

    @Test
    void aCaseInNoGroupIsToldSoAndACaseOfAGroupWithoutTheQuotationAsBefore() {
        CliRun none = run("survey", "choose", "--case", "nosuch-2026", "1");
        assertEquals(2, none.code(), none.out());
        assertEquals("evidens: case nosuch-2026 is in no group: a quotation is chosen for a group's summary report "
                + "(see: evidens survey list)", none.err().strip());

        assertEquals(0, run("survey", "create", "tilsyn-2026", "--title", "Landstilsyn").code());
        assertEquals(0, run("survey", "add", "tilsyn-2026", "--case", "ospedal-2026", "--kommune", "Ospedal", "--fylke", "Vestland").code());
        CliRun inGroup = run("survey", "choose", "--case", "ospedal-2026", "1");
        assertEquals(2, inGroup.code(), inGroup.out());
        assertEquals("evidens: case ospedal-2026 has no quotation #1", inGroup.err().strip());
    }
}

package no.evidens.models.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookTest {
    @TempDir
    Path dir;

    @Test
    void defaultHasTheIndicatorsOfTheNationwideAudit() {
        Codebook c = Codebook.defaults();
        for (String id : List.of("kunnskap-om-tjenester", "opplaering", "taushetsplikt", "opplysningsplikt", "samtykke",
                "samarbeidsarena", "rutiner-og-avtaler", "ledelsens-oppfolging", "barn-som-parorende",
                "utredning-og-oppfolging", "fastlege", "tiltaksplan", "individuell-plan", "ettervern",
                "bekymringsmelding", "evaluering", "atferd", "avvik", "merknad", "lovbrudd")) {
            assertTrue(c.indicator(id).isPresent(), id);
        }
        assertEquals("default", c.source());
    }

    @Test
    void defaultReadAsATreeIsTheSameAsTheShippedFileBoundLikeAUsersFile() throws IOException {
        Path copy = dir.resolve("codebook.yaml");
        try (InputStream in = Codebook.class.getResourceAsStream(Codebook.DEFAULT_RESOURCE)) {
            Files.copy(in, copy);
        }
        Codebook bound = Codebook.read(copy);
        Codebook shipped = Codebook.defaults();
        assertEquals(bound.indicators(), shipped.indicators());
        // The shipped file uses every field somewhere, so the comparison covers each of them.
        assertTrue(shipped.indicators().stream().anyMatch(d -> !d.exclude().isEmpty()));
        assertTrue(shipped.indicators().stream().anyMatch(d -> !d.context().isEmpty()));
        assertTrue(shipped.indicators().stream().anyMatch(d -> !d.description().isEmpty()));
        assertTrue(shipped.indicators().stream().anyMatch(d -> !d.category().equals(d.id().toUpperCase(Locale.ROOT))));
    }

    @Test
    void homeFileReplacesTheDefaultAndExplicitFileWins() throws IOException {
        Files.writeString(dir.resolve("codebook.yaml"), """
                indicators:
                  - id: skolefravaer
                    label: Skolefravær
                    patterns: [skolefravær, skulefråvær]
                """);
        Path json = dir.resolve("other.json");
        Files.writeString(json, "{\"indicators\":[{\"id\":\"x\",\"label\":\"X\",\"patterns\":[\"x\"]}]}");
        assertEquals(List.of("skolefravaer"), ids(Codebook.resolve(null, dir)));
        assertEquals(List.of("x"), ids(Codebook.resolve(json, dir)));
        assertTrue(Codebook.resolve(null, dir.resolve("empty")).source().equals("default"));
    }

    @Test
    void mistakesGiveClearMessages() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "indicators:\n  - id: Ny Indikator\n    label: x\n    patterns: [a]\n");
        IOException e = assertThrows(IOException.class, () -> Codebook.read(bad));
        assertTrue(e.getMessage().contains("lower case"), e.getMessage());
        Files.writeString(bad, "indicators:\n  - id: a\n    label: x\n    pattern: [a]\n");
        e = assertThrows(IOException.class, () -> Codebook.read(bad));
        assertTrue(e.getMessage().contains("bad.yaml"), e.getMessage());
    }

    private static List<String> ids(Codebook c) {
        return c.indicators().stream().map(IndicatorDefinition::id).toList();
    }
}

package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor asks with one form of a strong verb ({@code henlagt}, {@code brøt}) and the report writes another
 * ({@code henla}, {@code henleggelse}, {@code brudd}): the search finds them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrongVerbsTest {
    private static final List<String> PASSAGES = List.of(
            "Barneverntjenesten henla meldingen etter en uke.",
            "Vi fant brudd på taushetsplikten.",
            "Henleggelse av saken ble ikke begrunnet.",
            "Tjenesten la planen fram for kommunen.");

    @TempDir
    static Path dir;

    @BeforeAll
    void index() throws IOException {
        OneDocumentIndex.write(dir, PASSAGES);
    }

    private List<String> found(String query) throws IOException {
        return OneDocumentIndex.found(dir, query);
    }

    @Test
    void aPastParticipleFindsThePastAndTheNoun() throws IOException {
        assertEquals(List.of("sak/d/0", "sak/d/2"), found("henlagt"));
        assertEquals(List.of("sak/d/1"), found("brøt taushetsplikten"), "brøt is a form of bryte, the act a brudd");
    }

    @Test
    void aBareShortFormIsNoVerbOfAFamily() {
        assertTrue(StrongVerbs.forms("la").isEmpty(), "la alone is left as analysed");
        assertTrue(StrongVerbs.forms("satt").isEmpty());
        assertTrue(StrongVerbs.forms("journalføring").isEmpty());
        assertTrue(StrongVerbs.forms("henlagt").containsAll(List.of("henla", "henlegger", "henleggelse")));
        assertTrue(StrongVerbs.forms("ivaretatt").containsAll(List.of("ivaretar", "ivaretok")));
    }
}

package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleEndingsTest {
    @Test
    void aRoleEndingMakesATitleInEveryFormAndCase() {
        assertTrue(DocumentNames.isTitle("avdelingsleder"));
        assertTrue(DocumentNames.isTitle("Avdelingslederen"));
        assertTrue(DocumentNames.isTitle("avdelingslederne"));
        assertTrue(DocumentNames.isTitle("prosjektsekretær"));
        assertTrue(DocumentNames.isTitle("barnevernsdirektøren"));
        assertTrue(DocumentNames.isTitle("halvbror"));
        assertTrue(DocumentNames.isTitle("kusinen"));
    }

    @Test
    void aWordWithoutOneIsNoTitle() {
        assertFalse(DocumentNames.isTitle("Kari"));
        assertFalse(DocumentNames.isTitle("Nordmann"));
        assertFalse(DocumentNames.isTitle("bygget"));
        assertFalse(DocumentNames.isTitle(""));
        assertFalse(DocumentNames.isTitle("n"));
    }
}

package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which placeholder number a name gets: one person one number, in a finding and across the findings of one export. */
class PersonsTest {
    /**
     * Round 45's walk: a family quoted in one finding («Linn Storvik (mor), Roar Storvik (far), Mathias Storvik») came out as
     * «[navn 1] (mor), [navn 1] (far), [navn 1]», and a note «Roar Storvik er far til Mathias» as «[navn 1] er far til
     * [navn 1]». A shared surname makes no one person of two full names.
     */
    @Test
    void aFamilySharingASurnameIsSeveralPersons() {
        Persons p = new Persons();
        assertEquals(1, p.numberOf("Linn Storvik"));
        assertEquals(2, p.numberOf("Roar Storvik"));
        assertEquals(3, p.numberOf("Mathias Storvik"));
        assertEquals(2, p.numberOf("Roar"));
        assertEquals(3, p.numberOf("Mathias"));
        assertEquals(2, p.numberOf("Roar Storviks"), "the genitive is the same person");
        assertEquals(4, p.numberOf("Linn Moe"), "a given name shared with another surname is another person");
    }

    @Test
    void aNameMetAloneOrInFullIsOnePerson() {
        Persons p = new Persons();
        assertEquals(1, p.numberOf("Tobias"));
        assertEquals(1, p.numberOf("Tobias Lunde"));
        assertEquals(1, p.numberOf("Lunde"));
        assertEquals(1, p.numberOf("Tobias Andre Lunde"), "a middle name more");
        assertEquals(2, p.numberOf("Maria Berg"));
    }

    /**
     * The walk's report numbered each finding's persons from 1: Tobias was [navn 1] in Avvik 2 as Linn Storvik was in
     * Avvik 1. Within one export a number is one person; the words known as names are still the finding's own, so a word
     * wrongly masked in one finding (the walk's «Fjordvik» in a document title) spreads to no other.
     */
    @Test
    void theNumbersHoldAcrossTheFindingsOfAnExportButTheKnownWordsDoNot() {
        Persons first = new Persons();
        assertEquals(1, first.numberOf("Linn Storvik"));
        assertEquals(2, first.numberOf("Fjordvik"));
        assertTrue(first.known("Fjordvik"));
        Persons second = first.nextFinding();
        assertFalse(second.known("Fjordvik"));
        assertFalse(second.known("Storvik"));
        assertEquals(3, second.numberOf("Tobias Lunde"));
        assertEquals(1, second.numberOf("Linn Storvik"));
        assertTrue(second.known("Storvik"));
    }
}

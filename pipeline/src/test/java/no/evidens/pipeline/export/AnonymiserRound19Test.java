package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Names the model and the earlier rules missed, chosen on the hold-out folds (issue 15, anonymisation round 19); every
 * name here is made up.
 */
class AnonymiserRound19Test {
    @Test
    void aKnownNameWordWithItsLettersInAnotherOrderIsMaskedAlsoWhereTheModelTookItForAPlace() {
        // Qulilan is Quillan typed with letters out of order; the model's place guess had explained it
        String doc = "Dette sier Zorbek Quillan til avisen. Senere forklarte Qulilan at det var feil.";
        assertEquals("Dette sier [navn 1] til avisen. Senere forklarte [navn 2] at det var feil.",
                typedAs("PER:Zorbek Quillan", "LOC:Qulilan").anonymise(doc, new Persons(), List.of(doc)));
        // the same letters after another first letter are another word
        String other = "Dette sier Zorbek Quillan til avisen. Senere reiste hun til Uqillan for å hvile.";
        assertEquals("Dette sier [navn 1] til avisen. Senere reiste hun til Uqillan for å hvile.",
                typedAs("PER:Zorbek Quillan", "LOC:Uqillan").anonymise(other, new Persons(), List.of(other)));
    }
}

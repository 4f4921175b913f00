package no.evidens.pipeline.export;

import static no.evidens.pipeline.export.AnonymiserTest.anonymiseAlone;
import static no.evidens.pipeline.export.AnonymiserTest.typedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Round 31 of the anonymisation (issue 15): general safety of the kinds the written stress set q6 holds; persons made up. */
class AnonymiserRound31Test {

    @Test
    void aSurnameTheModelGuessedAloneAsAnOrganisationIsMaskedAfterAnUnlistedRole() {
        // a listed surname, no list's place or organisation (the person is made up)
        String doc = "Etterpå kom vaktmester Haugland og sa at containeren var full.";
        assertEquals("Etterpå kom vaktmester [navn 1] og sa at containeren var full.",
                anonymiseAlone(typedAs("ORG:Haugland"), doc));
    }

    @Test
    void anUnlistedWordTheModelGuessedAloneAsAPlaceIsMaskedAfterAWordAPersonFollows() {
        String doc = "Styrelederen snakker lenge, så Quillo og jeg henter kaffe.";
        assertEquals("Styrelederen snakker lenge, så [navn 1] og jeg henter kaffe.",
                anonymiseAlone(typedAs("LOC:Quillo"), doc));
    }

    @Test
    void anUnlistedWordTheModelGuessedAloneAsAPlaceStaysAPlaceAfterAPlacePrepositionOrInAList() {
        // no name list knows Quorrada, nor has it a name's shape: the model's guess still explains it
        String doc = "Vi kjørte til Quorrada om morgenen, og siden til Vessby, Quorrada og Nordvåg.";
        assertEquals(doc, anonymiseAlone(typedAs("LOC:Quorrada", "LOC:Vessby", "LOC:Nordvåg"), doc));
    }

    @Test
    void aQuotedNicknameAfterAVerbOfCallingAndAPronounIsMaskedInACommonNounsShape() {
        String doc = "Naboen Kari Quillan ler. - Vi kaller ham «Stålmannen» her i bygda, sier hun.";
        assertEquals("Naboen [navn 1] ler. - Vi kaller ham «[navn 2]» her i bygda, sier hun.",
                anonymiseAlone(typedAs("PER:Kari Quillan"), doc));
    }
}

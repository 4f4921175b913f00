package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;

class IndicatorTaggerTest {
    private static final IndicatorTagger TAGGER = new IndicatorTagger(Codebook.defaults(), NorwegianModels.shared());

    private static String show(String text) {
        return TAGGER.tag(text).stream().map(m -> m.id() + "[" + text.substring(m.start(), m.end()) + "]")
                .collect(Collectors.joining(" "));
    }

    @Test
    void inflectionsAndCompounds() {
        assertEquals("taushetsplikt[taushetsplikten]", show("Ansatte kjenner taushetsplikten."));
        assertEquals("taushetsplikt[taushetspliktbestemmelsene]", show("De kjenner ikke taushetspliktbestemmelsene."));
        assertEquals("samarbeidsarena[samarbeidsmøtene]", show("Hun deltar ikke i samarbeidsmøtene."));
        assertEquals("individuell-plan[individuelle planer]", show("Det lages sjelden individuelle planer."));
        assertEquals("bekymringsmelding[melding til barnevernstenesta]", show("Skulen sende melding til barnevernstenesta."));
    }

    @Test
    void nynorskAndGaps() {
        assertEquals("taushetsplikt[teieplikta]", show("Dei kjenner teieplikta."));
        assertEquals("rutiner-og-avtaler[rutinane for] samarbeidsarena[samarbeid]", show("Vi har sett rutinane for samarbeid."));
        assertEquals("ledelsens-oppfolging[rapportering til den øverste ledelsen]",
                show("Det er ingen rapportering til den øverste ledelsen."));
    }

    @Test
    void exactAndExcluded() {
        assertEquals("avvik[avvik]", show("Tilsynet fant ett avvik."));
        // internal deviation reporting is quality improvement (EVALUERING), not an audit finding
        assertEquals("evaluering[avviksmelding]", show("Hun skrev en avviksmelding."));
        assertEquals("", show("Opplæringslova § 9 A-2 gjelder."));
    }

    @Test
    void everyMentionSaysWhatFoundIt() {
        assertTrue(TAGGER.tag("Fastlegen deltok.").stream()
                .allMatch(m -> m.source().equals(IndicatorMention.PATTERN) && !m.pattern().isEmpty()));
    }

    @Test
    void theWhyIsThePatternThatMatched() {
        IndicatorMention m = TAGGER.tag("Skulen sende melding til barnevernstenesta.").get(0);
        assertEquals("bekymringsmelding", m.id());
        assertEquals("melding ~1 til barnevern", m.pattern());
        assertEquals(IndicatorMention.PATTERN, m.source());
    }

    @Test
    void anInvestigationCountsOnlyWithAChildOrYoungPersonInItsParagraph() {
        assertEquals("utredning-og-oppfolging[undersøkelsen]",
                show("Barneverntjenesten startet undersøkelsen av gutten."));
        assertEquals("utredning-og-oppfolging[utredning]", show("Jenta ble henvist til utredning."));
        // an adult patient's investigation, the audit's own: no child in the paragraph
        assertEquals("", show("Pasienten ble henvist til utredning ved sykehuset."));
        assertEquals("", show("Tilsynet omfattet en undersøkelse av saksbehandlingen.\n\nBarna ble ikke spurt."));
        assertEquals("utredning-og-oppfolging[medvirkning]", show("Elevene hadde ingen medvirkning."));
        // «medvirke til» is to contribute to, not a child's participation
        assertEquals("", show("Barneverntjenesten skal medvirke til at barns interesser ivaretas."));
    }
}

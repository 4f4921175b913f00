package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search for {@code bruker} or {@code melder} finds the noun's other forms, which the stemmer cuts differently, and
 * one for {@code forsvarlig} the Nynorsk {@code forsvarleg}, one for {@code samordnet} its plural {@code samordnede},
 * one for a verb its noun of action, one for a verb's present its Nynorsk passive, and a heading the law named after
 * the word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordFormsTest {
    private static final List<String> PASSAGES = List.of(
            "Brukeren fikk ikke vedtak.",
            "Brukere fikk ikke vedtak.",
            "Brukerne fikk ikke vedtak.",
            "Barnevernet gir tilbakemelding til offentlige meldere.",
            "Tilsynet gjaldt journalføring.",
            "Planen er forsvarleg og skriftleg.",
            "Nav-kontoret gjorde ingen kartlegging av behovene.");

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
    void theNounsOtherFormsAreFound() throws IOException {
        assertEquals(List.of("sak/d/0", "sak/d/1", "sak/d/2"), found("bruker"));
        assertEquals(List.of("sak/d/3"), found("tilbakemelding melder"), "meldere is a form of melder");
    }

    @Test
    void aLawsNameIsSoughtWithAndWithoutItsLinkingS() {
        assertEquals(List.of("glimmerslova"), WordForms.forms("glimmerlova"));
        assertEquals(List.of("glimmerloven"), WordForms.forms("Glimmersloven"));
        assertEquals(List.of(), WordForms.forms("lova"), "no subject before lov");
    }

    @Test
    void anAdjectiveIsFoundInBothSpellings() throws IOException {
        assertEquals(List.of("sak/d/5"), found("forsvarlig"));
        assertEquals(List.of("sak/d/5"), found("skriftlige planen"));
        assertEquals(List.of("forsvarleg"), WordForms.forms("Forsvarlig"));
        assertEquals(List.of("tilstrekkelige"), WordForms.forms("tilstrekkelege"));
    }

    @Test
    void theFormFoundIsMarked() throws IOException {
        try (EvidenceSearcher s = new EvidenceSearcher(dir)) {
            SearchHit hit = s.search(new SearchRequest("melder", null, null, 10)).hits().get(0);
            List<String> marked = hit.matches().stream().map(m -> hit.text().substring(m.start(), m.end())).toList();
            assertTrue(marked.contains("meldere"), "marked: " + marked);
        }
    }

    @Test
    void otherWordsAndPhrasesAreAsAnalysed() throws IOException {
        Query q = new TermQuery(new Term(PassageSchema.TEXT, "journalføring"));
        assertSame(q, WordForms.widened(q, PassageSchema.TEXT, "journalføring", NorwegianAnalysis.analyzer()));
        assertEquals(List.of(), found("\"offentlige melder\""), "a quoted phrase holds the form written");
        assertTrue(QueryReader.scoresFromTermsOnly(new QueryReader(NorwegianAnalysis.analyzer()).read("bruker")),
                "the forms are one word's synonyms: block-max skipping stays exact");
    }

    @Test
    void aVerbIsAlsoSoughtAsTheNounOfItsAction() throws IOException {
        assertEquals(List.of("sak/d/6"), found("kartlegger"), "kartlegger ikke / ingen kartlegging");
        assertEquals(List.of("sak/d/6"), found("kartlegge behovene"));
        assertTrue(WordForms.actionNouns("henviste").contains("henvisning"));
        assertTrue(WordForms.actionNouns("flyttet").contains("flytting"));
        assertEquals(List.of(), WordForms.actionNouns("journalføring"), "a noun is no verb");
    }

    @Test
    void theNounOfAnActionIsNotSoughtAsACompoundsPart(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Skolen sendte en bekymringsmelding.", "Skolen sendte en melding om eleven.",
                "Barnevernet ga tilbakemelding."));
        assertEquals(List.of("sak/d/1"), OneDocumentIndex.found(own, "melde"),
                "the melding of bekymringsmelding and tilbakemelding is no act of melde");
        Query parts = new TermQuery(new Term(PassageSchema.PARTS, "meld"));
        assertSame(parts, WordForms.widened(parts, PassageSchema.PARTS, "melde", NorwegianAnalysis.analyzer()));
    }

    @Test
    void aWeakVerbsParticipleIsFoundInItsDefiniteAndPluralForm(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Kommunen sikrer ikke samordnede tjenester.", "Tjenestene er samordnet.",
                "Tjenestene er planlagt."));
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "samordnet"),
                "the stemmer cuts samordnet to samordn, samordnede to samordned");
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "samordnede"));
        assertEquals(List.of("avsluttede"), WordForms.forms("avsluttet"));
        assertEquals(List.of("avsluttet"), WordForms.forms("Avsluttede"));
        assertEquals(List.of(), WordForms.forms("helt"), "too short to be a participle");
    }

    @Test
    void aVerbsPresentFindsItsParticipleInT(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Vurderingene blir ikke dokumentert.", "Dokumentet ligger i mappen.",
                "Kommunen vurderer saken."));
        assertEquals(List.of("sak/d/0"), OneDocumentIndex.found(own, "dokumenterer"),
                "the stemmer cuts dokumenterer to dokumenter, dokumentert to dokumentert");
        assertEquals(List.of("sak/d/0"), OneDocumentIndex.found(own, "dokumentere"));
        assertEquals(List.of(), OneDocumentIndex.found(own, "vurdert"), "the participle is not sought as the present");
        assertTrue(WordForms.forms("besøke").contains("besøkt"));
        assertFalse(WordForms.forms("bruker").contains("brukt"), "bruker is mostly the one who uses");
        assertEquals(List.of("tilstrekkelige"), WordForms.forms("tilstrekkelege"), "an adjective in -ege has no -t form");
    }

    @Test
    void aVerbsBokmaalPassiveFindsItsParticipleInT(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Uttalelsen ble ikke publisert.", "Publikum fikk svar.",
                "Ombudet publiserer uttalelsene."));
        assertEquals(List.of("sak/d/0", "sak/d/2"), OneDocumentIndex.found(own, "publiseres"),
                "the stemmer cuts publiseres and publiserer to publiser, publisert to publisert");
        assertTrue(WordForms.forms("vurderes").contains("vurdert"));
        assertFalse(WordForms.forms("tjenestes").contains("tjenestet"), "not after t, where the word is mostly a noun's genitive");
    }

    @Test
    void aNounInOIsFoundInItsOtherForms(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Risikoen for svikt er stor.", "Det er liten risiko for feil.",
                "Kontoret er stengt."));
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "risiko"),
                "the analysis folds the oe of risikoen to ø");
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "risikoen"));
        assertTrue(WordForms.forms("risikoer").contains("risiko"));
    }

    @Test
    void aVerbsPresentFindsItsNynorskPassiveInAst(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Meldingane vurderast innan ei veke.", "Tenesta vurderer meldingane.",
                "Undersøkinga skal gjennomførast."));
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "vurderer"),
                "the stemmer cuts vurderer to vurder and leaves vurderast whole");
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "vurderes"));
        assertEquals(List.of("sak/d/0", "sak/d/1"), OneDocumentIndex.found(own, "vurderast"));
        assertEquals(List.of(), OneDocumentIndex.found(own, "gjennomføre"), "the infinitive is not sought in -ast");
        assertTrue(WordForms.forms("kastar").contains("kastast"));
        assertFalse(WordForms.forms("ser").contains("sast"), "too short to be cut");
    }

    @Test
    void aHeadingIsAlsoSearchedForTheLawNamedAfterTheWord() {
        Query heading = new TermQuery(new Term(PassageSchema.HEADING, "helsevern"));
        Query widened = WordForms.widened(heading, PassageSchema.HEADING, "helsevern", NorwegianAnalysis.analyzer());
        assertTrue(widened.toString().contains("heading:helsevernlov"), widened.toString());
        Query text = new TermQuery(new Term(PassageSchema.TEXT, "helsevern"));
        assertSame(text, WordForms.widened(text, PassageSchema.TEXT, "helsevern", NorwegianAnalysis.analyzer()),
                "in the text a law's name is mostly a citation");
        assertEquals(List.of("helsepersonelloven", "helsepersonellsloven"), WordForms.lawForms("helsepersonell"));
        assertEquals(List.of(), WordForms.lawForms("barnevernlov"));
    }

    @Test
    void aStemWithADoubledMIsAlsoSoughtWithOne(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Barnet bor i fosterhjem.", "Barnet bor hjemme.", "Tiltaket er et program."));
        assertEquals(List.of("sak/d/0"), OneDocumentIndex.found(own, "fosterhjemmet"),
                "the stemmer cuts fosterhjemmet to fosterhjemm, fosterhjem to itself");
        assertEquals(List.of("sak/d/2"), OneDocumentIndex.found(own, "programmet"));
        assertEquals(List.of("fosterhjem"), WordForms.otherStems("fosterhjemm"));
        assertEquals(List.of(), WordForms.otherStems("fosterhjem"), "the other way is left to the compound parts");
        assertEquals(List.of(), WordForms.otherStems("mm"), "no word before the doubled m");
    }

    @Test
    void aNounInElIsFoundInItsFormsWithoutTheE(@TempDir Path own) throws IOException {
        OneDocumentIndex.write(own, List.of("Sykehuset sendte et varsel om hendelsen.", "Kommunen viste til hjemler i loven.",
                "Kommunen svarte sykehuset."));
        assertEquals(List.of("sak/d/0"), OneDocumentIndex.found(own, "varslet"), "the stemmer cuts varslet to varsl, varsel to itself");
        assertEquals(List.of("sak/d/1"), OneDocumentIndex.found(own, "hjemmel"), "hjemler is cut to hjeml");
        assertEquals(List.of("hjeml"), WordForms.otherStems("hjemmel"));
        assertEquals(List.of("regl"), WordForms.otherStems("regel"));
        assertEquals(List.of("varsel", "varssel"), WordForms.otherStems("varsl"));
        assertEquals(List.of(), WordForms.otherStems("spill"), "a doubled l is no cut ending");
        assertEquals(List.of(), WordForms.otherStems("sykehus"));
    }
}

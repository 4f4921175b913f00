package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;

import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.junit.jupiter.api.Test;

/** The synonym list's two kinds of entry: spellings and abbreviations, and other words for the same thing. */
class SynonymListTest {
    private static final String LIST = String.join("\n",
            "# a comment",
            "bvl => bvl, barnevernloven",
            "#@ other words",
            "sosialhjelp, økonomisk stønad",
            "#@ same words",
            "skole, skule",
            "#@ other words",
            "fastlege, allmennlege",
            "");

    @Test
    void theOtherWordsSectionsAreLeftOutOfTheSameWordsList() {
        SynonymList list = SynonymList.of(LIST);
        assertTrue(list.hasOtherWords());
        assertEquals(LIST, list.all());
        String same = list.sameWords();
        assertTrue(same.contains("bvl => bvl, barnevernloven") && same.contains("skole, skule"), same);
        assertFalse(same.contains("sosialhjelp") || same.contains("fastlege"), same);
        // a line number in an error still points at the file's line
        assertEquals(LIST.split("\n", -1).length, same.split("\n", -1).length - 1);
    }

    @Test
    void aListWithoutMarkersHasNoOtherWords() {
        assertFalse(SynonymList.of("skole, skule\nbvl => bvl, barnevernloven\n").hasOtherWords());
        // a marker section that holds only comments names nothing in other words
        assertFalse(SynonymList.of("#@ other words\n# nothing yet\n#@ same words\nskole, skule\n").hasOtherWords());
    }

    @Test
    void theShippedListMarksOtherWordsAndSolrReadsTheMarkersAsComments() throws IOException, ParseException {
        SynonymList shipped = SynonymList.read(null);
        assertTrue(shipped.hasOtherWords(), "the shipped list names some things in other words");
        SolrSynonymParser solr = new SolrSynonymParser(true, true, new NorwegianAnalysis.SynonymEntryAnalyzer());
        solr.parse(new StringReader(shipped.all()));
        assertTrue(solr.build().fst != null, "Solr's parser reads the whole list, markers and all");
    }
}

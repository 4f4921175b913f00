package no.evidens.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the treebank, the UD split, rebuilding raw text, name spans and synthetic text. */
class TreebankTextTest {
    @TempDir
    Path dir;

    @Test
    void rebuildsNorwegianSpacing() {
        Detokenizer.Rebuilt r = Detokenizer.rebuild(List.of("Han", "sa", ":", "«", "Dette", "er", "fint", "»", ",",
                "og", "(", "jf.", "§", "4-3", ")", "gikk", "\"", "hjem", "\"", "osv.", "."));
        assertEquals("Han sa: «Dette er fint», og (jf. § 4-3) gikk \"hjem\" osv.", r.text());
        assertNull(r.spans()[20]);
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of("Han", "sa", ":", "«", "Dette", "er", "fint", "»", ",", "og", "(", "jf.", "§", "4-3",
                    ")", "gikk", "\"", "hjem", "\"", "osv.").get(i), r.spans()[i].getCoveredText(r.text()).toString());
        }
    }

    @Test
    void readsTreebankFilesAndMapsNameTypes() throws IOException {
        Path file = dir.resolve("ap001_0000.conll");
        Files.writeString(file, String.join("\n",
                "1\tTilsyn\ttilsyn\tsubst\tsubst\t_\t0\tFRAG\t_\tname=O",
                "2\ti\ti\tprep\tprep\t_\t1\tATR\t_\tname=O",
                "3\tLillevik\tLillevik\tsubst\tsubst\tprop\t2\tPUTFYLL\t_\tname=B-GPE_LOC",
                "4\t|\t$|\tclb\tclb\t<overskrift>\t1\tIP\t_\tname=O",
                "",
                "1\tKari\tKari\tsubst\tsubst\tprop\t2\tSUBJ\t_\tname=B-PER",
                "2\tleder\tlede\tverb\tverb\tpres\t0\tFINV\t_\tname=O",
                "3\tLillevik\tLillevik\tsubst\tsubst\tprop\t2\tDOBJ\t_\tname=B-GPE_ORG",
                "4\tFestival\tFestival\tsubst\tsubst\tprop\t3\tFLAT\t_\tname=I-GPE_ORG",
                "5\ti\ti\tprep\tprep\t_\t2\tADV\t_\tname=O",
                "6\tKlassekampen\tKlassekampen\tsubst\tsubst\tprop\t5\tPUTFYLL\t_\tname=B-PROD",
                "7\t.\t$.\tclb\tclb\t<punkt>\t2\tIP\t_\tname=O", ""), StandardCharsets.UTF_8);
        List<NdtSentence> sentences = NdtReader.read(file);
        assertEquals(2, sentences.size());
        assertTrue(sentences.get(0).paragraphEnd());
        assertEquals(3, sentences.get(0).tokens().size());
        assertFalse(sentences.get(1).paragraphEnd());
        assertArrayEquals(new Span[] {new Span(0, 1, "PER"), new Span(2, 4, "ORG")},
                ModelTrainer.nameSpans(sentences.get(1)));
        assertArrayEquals(new Span[] {new Span(2, 3, "LOC")}, ModelTrainer.nameSpans(sentences.get(0)));
    }

    @Test
    void splitFollowsTheUdTrainingRanges() {
        assertTrue(UdSplit.isTrain(Path.of("ap012_0002.conll")));
        assertFalse(UdSplit.isTrain(Path.of("ap012_0003.conll")));
        assertTrue(UdSplit.isTrain(Path.of("db001b_0004.conll")));
        assertFalse(UdSplit.isTrain(Path.of("db013_0005.conll")));
        assertTrue(UdSplit.isTrain(Path.of("sp-bm001_0008.conll")));
        assertFalse(UdSplit.isTrain(Path.of("sp-bm002_0000.conll")));
        assertTrue(UdSplit.isTrain(Path.of("st005_0000.conll")));
        assertFalse(UdSplit.isTrain(Path.of("st005_0001.conll")));
        assertFalse(UdSplit.isTrain(Path.of("blogg-bm003_0001.conll")));
    }

    @Test
    void syntheticTextIsReproducibleAndRebuildable() {
        List<List<NdtSentence>> a = new SyntheticAuditText(7).paragraphs(50);
        List<List<NdtSentence>> b = new SyntheticAuditText(7).paragraphs(50);
        assertEquals(a, b);
        for (List<NdtSentence> paragraph : a) {
            for (NdtSentence sentence : paragraph) {
                Detokenizer.Rebuilt r = Detokenizer.rebuild(sentence.tokens().stream().map(NdtToken::form).toList());
                assertFalse(r.text().isBlank());
                assertFalse(r.text().contains("\u0001"));
            }
        }
        assertTrue(ModelTrainer.sentenceSamples(a).size() >= a.size());
    }
}

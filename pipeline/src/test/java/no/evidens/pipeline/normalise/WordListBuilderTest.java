package no.evidens.pipeline.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WordListBuilderTest {
    @Test
    void keepsLowerCasedWordFormsOverTheFloorAndEveryLexiconWord() {
        String conll = "1\tE-post\te-post\tsubst\t_\t_\t0\tFRAG\t_\tname=O\n"
                + "2\tsendes\tsende\tverb\t_\t_\t1\tATR\t_\tname=O\n3\t.\t$.\tclb\t_\t_\t1\tIP\t_\tname=O\n\n"
                + "1\te-post\te-post\tsubst\t_\t_\t0\tFRAG\t_\tname=O\n2\t.\t$.\tclb\t_\t_\t1\tIP\t_\tname=O\n\n"
                + "1\t2025\t2025\tdet\t_\t_\t0\tFRAG\t_\tname=O\n2\t2025\t2025\tdet\t_\t_\t0\tFRAG\t_\tname=O\n";
        Map<String, Integer> counts = new HashMap<>();
        WordListBuilder.countForms(new StringReader(conll), counts);
        List<String> lexicon = WordListBuilder.lexiconWords(new StringReader("# a comment\nbvl => bvl, barnevernloven\nfastlege, Allmennlege\n"));
        assertEquals(List.of("allmennlege", "barnevernloven", "bvl", "e-post", "fastlege"),
                List.copyOf(WordListBuilder.build(counts, lexicon)),
                "e-post twice (any case) is kept; sendes once, numbers and punctuation are not");
    }
}

package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NationwideSetTest {
    @TempDir
    Path dir;

    @Test
    void theSetVariesSizeFailingsAndFormatsOverTwentyMunicipalities() throws IOException {
        List<NationwideSet.Municipality> all = NationwideSet.municipalities();
        assertTrue(all.size() >= 20, "at least 20 municipalities");
        assertEquals(all.size(), all.stream().map(NationwideSet.Municipality::caseId).distinct().count(), "one case each");
        assertTrue(all.stream().map(NationwideSet.Municipality::county).distinct().count() >= 10, "many counties");
        assertEquals(Set.of('S', 'M', 'L'), all.stream().map(NationwideSet.Municipality::size).collect(Collectors.toSet()));
        assertTrue(all.stream().anyMatch(m -> m.avvik().isEmpty() && m.merknad().isEmpty()), "some municipalities have no finding");
        assertTrue(all.stream().anyMatch(m -> m.avvik().size() == NationwideSet.Topic.values().length), "one breaks every requirement");

        List<NationwideSet.Bundle> bundles = NationwideSet.writeAll(dir);
        Set<String> formats = new TreeSet<>();
        for (NationwideSet.Bundle b : bundles) {
            try (Stream<Path> files = Files.walk(b.dir())) {
                files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals("manifest.csv")).forEach(n -> formats.add(n.substring(n.lastIndexOf('.') + 1)));
            }
            assertEquals(b.municipality().avvik(), b.avvik().stream().map(NationwideSet.Quote::topic).collect(Collectors.toSet()),
                    "every avvik has a quotation: " + b.municipality().name());
            assertEquals(b.municipality().merknad(), b.merknad().stream().map(NationwideSet.Quote::topic).collect(Collectors.toSet()));
        }
        assertEquals(Set.of("pdf", "docx", "html", "txt"), formats);
        // A plain-text document holds its quotations word for word.
        NationwideSet.Bundle vardnes = bundles.stream().filter(b -> b.municipality().name().equals("Vardnes")).findFirst().orElseThrow();
        String all3 = Files.readString(vardnes.dir().resolve("styringsdokumenter/rutine-samarbeid.txt"), StandardCharsets.UTF_8);
        assertTrue(all3.contains("Kommunen har ikke oppnevnt en koordinerende enhet, og ingen har ansvar for å gi tilbud om individuell plan."), all3);
    }

    @Test
    void aSetOfAnySizeOverGivenPlacesHasOneCaseEachAndFindingsDrawnTheSameEachTime() {
        List<NationwideSet.Place> places = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            places.add(new NationwideSet.Place("Sted " + i, "Fylke " + (i % 15)));
        }
        places.add(new NationwideSet.Place("Våler", "Østfold"));
        places.add(new NationwideSet.Place("Våler", "Innlandet"));
        List<NationwideSet.Municipality> all = NationwideSet.municipalities(places);
        assertEquals(places.size(), all.stream().map(NationwideSet.Municipality::caseId).distinct().count(), "one case each");
        assertTrue(all.stream().anyMatch(m -> m.caseId().equals("valer-innlandet-2026")), "a shared name gets its county in the id");
        assertTrue(all.stream().anyMatch(m -> m.caseId().equals("sted-7-2026")));
        assertEquals(Set.of('S', 'M', 'L'), all.stream().map(NationwideSet.Municipality::size).collect(Collectors.toSet()));
        long without = all.stream().filter(m -> m.avvik().isEmpty() && m.merknad().isEmpty()).count();
        long withAvvik = all.stream().filter(m -> !m.avvik().isEmpty()).count();
        assertTrue(without > 5 && withAvvik > all.size() / 2, without + " without finding, " + withAvvik + " with avvik");
        assertEquals(all, NationwideSet.municipalities(places), "the same places give the same set");
    }
}

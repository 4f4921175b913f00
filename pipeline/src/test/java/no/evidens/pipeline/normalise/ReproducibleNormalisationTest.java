package no.evidens.pipeline.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import no.evidens.pipeline.extract.Extraction;

/**
 * The same file gives the same normalised text and offsets on every machine, whatever it has installed:
 * Debian's Norwegian word list ({@code /usr/share/dict/bokmaal}) or not.
 */
class ReproducibleNormalisationTest {
    /** Two pages of a laid-out PDF whose line ends only a word list can decide. */
    private static final String PAGE_1 = "Fjordvik kommune – Tilsynsrapport\n\nRapporten fra fylkesmen-\nnene om sosial-\n"
            + "og helsetjenester sendes på e-\npost. Det er nødven\ndig at voksentje\nnester og barnevern\ntjenesten møtes.\n\n"
            + "Side 1 av 2\n\n";
    private static final String PAGE_2 = "Fjordvik kommune – Tilsynsrapport\n\nGuttens\npsykiske helse og barnevernets\n"
            + "oppfølging ble drøftet med barne-\nvernet.\n\nSide 2 av 2\n\n";
    private static final Extraction PDF = new Extraction(PAGE_1 + PAGE_2, List.of(0, PAGE_1.length()), "application/pdf", null);

    /**
     * What every machine gives for {@link #PDF}, byte for byte. Since version 3 a line break with no hyphen
     * printed (and none drawn) is never joined: "nødven dig" stays as the PDF wrote it.
     */
    private static final String EXPECTED = "Rapporten fra fylkesmennene om sosial- og helsetjenester sendes på e-post. "
            + "Det er nødven dig at voksentje nester og barnevern tjenesten møtes.\n\n"
            + "Guttens psykiske helse og barnevernets oppfølging ble drøftet med barnevernet.";
    /**
     * The SHA-256 of the shipped word list that {@link TextNormaliser#VERSION} stands for: a new list
     * changes the text, so it needs a new version (and then this hash).
     */
    private static final String WORD_LIST_SHA256 = "c63ed27273d7b4c403c0306489cb227959fd49bbefea636962a1114131d6c341";

    @Test
    void theSameFileGivesByteIdenticalTextAndOffsetsOnEveryMachine() {
        NormalisedText t = new TextNormaliser().normalise(PDF);
        assertEquals(EXPECTED, t.text());
        assertEquals(List.of(0, EXPECTED.indexOf("Guttens")), t.pageStarts());
        assertEquals(sha256(EXPECTED.getBytes(StandardCharsets.UTF_8)), sha256(t.text().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void normalisingReadsNoFileOutsideTheJarWhetherOrNotTheDebianListIsInstalled() throws Exception {
        Path recorded = Files.createTempFile("evidens-normalise", ".jfr");
        NormalisedText t;
        try (Recording r = new Recording()) {
            r.enable("jdk.FileRead").withThreshold(java.time.Duration.ZERO).withStackTrace();
            r.start();
            // A fresh word list, as on a machine's first document, then the normalisation itself.
            t = new TextNormaliser(WordList::load).normalise(PDF);
            r.stop();
            r.dump(recorded);
        }
        assertEquals(EXPECTED, t.text(), "the same text with a word list loaded afresh");
        Set<String> outside = new TreeSet<>();
        long thread = Thread.currentThread().getId();
        Path classes = Path.of(WordList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path javaHome = Path.of(System.getProperty("java.home"));
        boolean sawWordList = false;
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(recorded)) {
                String path = e.getString("path");
                if (e.getThread() == null || e.getThread().getJavaThreadId() != thread || path == null) {
                    continue;
                }
                Path p = Path.of(path).toAbsolutePath().normalize();
                sawWordList |= p.startsWith(classes);
                if (!p.startsWith(classes) && !p.startsWith(javaHome)) {
                    outside.add(path);
                }
            }
        } finally {
            Files.deleteIfExists(recorded);
        }
        assertTrue(sawWordList, "the recording saw the word list read from " + classes);
        assertEquals(Set.of(), outside, "files read outside " + classes);
        assertFalse(outside.stream().anyMatch(p -> p.startsWith("/usr/share/dict")));
    }

    @Test
    void theShippedWordListIsTheOneThisVersionStandsFor() throws IOException {
        try (InputStream in = WordList.class.getResourceAsStream(WordList.RESOURCE)) {
            assertEquals(WORD_LIST_SHA256, sha256(in.readAllBytes()),
                    "the word list changed: raise TextNormaliser.VERSION (now " + TextNormaliser.VERSION + ") and this hash");
        }
        assertTrue(WordList.load().contains("e-post"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

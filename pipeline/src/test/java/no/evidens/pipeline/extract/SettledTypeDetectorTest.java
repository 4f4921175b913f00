package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.FormatBundle;
import no.evidens.corpus.MixedBundle;
import no.evidens.corpus.SampleBundle;

/**
 * The extractor's detector gives every file the type Tika's default detector gives it, while skipping the magic
 * patterns of Tika's registry for a type no registered type specialises (an Office package found by the zip
 * detector).
 */
class SettledTypeDetectorTest {
    @TempDir
    Path tmp;

    private static MediaType detect(Detector detector, Path file) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            return detector.detect(in, metadata);
        }
    }

    @Test
    void everyFileOfTheFormatSampleAndGeneratedBundlesGetsTikasOwnType() throws Exception {
        List<Path> files = new ArrayList<>(FormatBundle.writeTo(tmp.resolve("formater")));
        files.addAll(SampleBundle.writeTo(tmp.resolve("eksempel")));
        files.addAll(MixedBundle.writeTo(tmp.resolve("blandet"), 40, 14L));
        Detector tika = TikaConfig.getDefaultConfig().getDetector();
        Detector ours = KeptParserTable.create().getDetector();
        int settled = 0;
        for (Path file : files) {
            MediaType type = detect(ours, file);
            assertEquals(detect(tika, file), type, file.toString());
            if (((SettledTypeDetector) ours).settled(type)) {
                settled++;
            }
        }
        // The generated bundle's Word files, at least, are settled before the registry's patterns.
        assertTrue(settled >= 8, "settled: " + settled + " of " + files.size());
    }

    @Test
    void aTypeSomeRegisteredTypeSpecialisesIsNeverSettled() {
        SettledTypeDetector detector = (SettledTypeDetector) KeptParserTable.create().getDetector();
        assertTrue(detector.settled(MediaType.parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document")));
        // Zip, OLE and plain text have types under them that only the registry's patterns or names can tell.
        assertFalse(detector.settled(MediaType.APPLICATION_ZIP));
        assertFalse(detector.settled(MediaType.parse("application/x-tika-msoffice")));
        assertFalse(detector.settled(MediaType.TEXT_PLAIN));
        assertFalse(detector.settled(MediaType.OCTET_STREAM));
    }

    @Test
    void aContentTypeHintIsAlwaysWeighedByTheRegistry() throws Exception {
        Path file = MixedBundle.writeTo(tmp.resolve("blandet"), 2, 14L).stream()
                .filter(p -> p.toString().endsWith(".docx")).findFirst().orElseThrow();
        Detector tika = TikaConfig.getDefaultConfig().getDetector();
        Detector ours = KeptParserTable.create().getDetector();
        for (String hint : List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document; x=1",
                "application/msword", "text/plain")) {
            assertEquals(detectHinted(tika, file, hint), detectHinted(ours, file, hint), hint);
        }
    }

    private static MediaType detectHinted(Detector detector, Path file, String hint) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, hint);
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            return detector.detect(in, metadata);
        }
    }
}

package no.evidens.models.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.models.ModelEntryData;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.MaxentModel;

class IndicatorClassifierReadTest {
    private static byte[] bundledBytes() throws IOException {
        try (InputStream in = IndicatorClassifier.class.getResourceAsStream(IndicatorClassifier.RESOURCE)) {
            assertNotNull(in, IndicatorClassifier.RESOURCE);
            return in.readAllBytes();
        }
    }

    @Test
    void theBundledModelsReadFromMemoryAreThoseOpenNlpsReaderGives() throws IOException {
        byte[] bytes = bundledBytes();
        Map<String, MaxentModel> fromMemory = IndicatorClassifier.models(new ModelEntryData(bytes));
        Map<String, MaxentModel> openNlps;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            openNlps = IndicatorClassifier.models(new BinaryFileDataReader(in));
        }
        assertTrue(openNlps.size() > 1, openNlps.keySet().toString());
        assertEquals(openNlps.keySet().stream().toList(), fromMemory.keySet().stream().toList());
        // OpenNLP's equality of models: the same outcomes, predicates and parameters.
        assertEquals(openNlps, fromMemory);
    }
}

package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.SAXParserFactory;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionWorkerTest {
    private static final String PROPERTY = SAXParserFactory.class.getName();
    private String before;

    @BeforeEach
    void keep() {
        before = System.getProperty(PROPERTY);
        System.clearProperty(PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }

    @Test
    void theWorkersSaxFactoryIsTheOneTheLookUpFindsNamedSoItIsNotSearchedForAgain() {
        Class<?> found = SAXParserFactory.newInstance().getClass();

        ExtractionWorker.pinSaxParserFactory();

        assertEquals(found.getName(), System.getProperty(PROPERTY));
        assertSame(found, SAXParserFactory.newInstance().getClass());
    }

    @Test
    void aRequestIsOneLineWhateverTheFileIsNamedAndGivesTheSamePathBack() {
        for (String name : List.of("notat.txt", "linje\nskift.txt", "vogn\rretur\r\n.txt", "skrå\\strek\\n.txt",
                "tab\tog æøå.pdf", "slutt\\")) {
            Path file = Path.of("/tmp/pakke", name);
            String line = ExtractionWorker.request(7, file);
            assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, line);
            assertTrue(line.startsWith("7\t"), line);
            assertEquals(file.toString(), ExtractionWorker.unescape(line.substring(2)), name);
        }
    }

    @Test
    void aFactoryNamedAlreadyIsKept() {
        System.setProperty(PROPERTY, "org.example.OwnSaxParserFactory");

        ExtractionWorker.pinSaxParserFactory();

        assertEquals("org.example.OwnSaxParserFactory", System.getProperty(PROPERTY));
    }

    @Test
    void aWorkerToldAFolderRecordsItselfThereUntilItEnds(@TempDir Path folder) {
        Path file = folder.resolve("worker-" + ProcessHandle.current().pid() + ".jfr");

        ExtractionWorker.recordWhenAsked(folder.toString());

        List<Recording> started = FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(r -> file.equals(r.getDestination())).toList();
        try {
            assertEquals(1, started.size());
            assertEquals(RecordingState.RUNNING, started.get(0).getState());
            assertTrue(started.get(0).getDumpOnExit());
        } finally {
            started.forEach(Recording::close);
        }
    }

    @Test
    void aWorkerToldNoFolderRecordsNothing() {
        ExtractionWorker.recordWhenAsked(null);
        ExtractionWorker.recordWhenAsked(" ");

        assertTrue(FlightRecorder.getFlightRecorder().getRecordings().stream()
                .noneMatch(r -> r.getDestination() != null && r.getDestination().getFileName().toString().startsWith("worker-")));
    }
}

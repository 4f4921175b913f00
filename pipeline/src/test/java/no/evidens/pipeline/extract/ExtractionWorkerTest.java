package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import javax.xml.parsers.SAXParserFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    void aFactoryNamedAlreadyIsKept() {
        System.setProperty(PROPERTY, "org.example.OwnSaxParserFactory");

        ExtractionWorker.pinSaxParserFactory();

        assertEquals("org.example.OwnSaxParserFactory", System.getProperty(PROPERTY));
    }
}

package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

class DetectedOnceTest {
    /** Tika's detector, counting how often it is asked. */
    private static final class Counting implements Detector {
        private static final long serialVersionUID = 1L;
        final AtomicInteger asked = new AtomicInteger();
        final MediaType answer;

        Counting(MediaType answer) {
            this.answer = answer;
        }

        @Override
        public MediaType detect(InputStream input, Metadata metadata) {
            asked.incrementAndGet();
            return answer;
        }
    }

    private static TikaInputStream bytes() {
        return TikaInputStream.get(new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theParseOfTheSameFileGetsTheTypeDetectedBeforeAndEveryLaterQuestionGoesToTika() throws IOException {
        Counting tika = new Counting(MediaType.application("pdf"));
        DetectedOnce once = new DetectedOnce(tika);
        Metadata metadata = new Metadata();
        try (TikaInputStream in = bytes()) {
            assertEquals(MediaType.application("pdf"), once.detectAndRemember(in, metadata));
        }
        assertEquals(1, tika.asked.get());
        try (TikaInputStream in = bytes()) {
            assertEquals(MediaType.application("pdf"), once.detect(in, metadata), "the parse's detection");
            assertEquals(1, tika.asked.get(), "answered from the first detection");
            assertNull(metadata.get(DetectedOnce.KEY), "and forgotten: nothing of it reaches the parsers");
            once.detect(in, metadata);
            assertEquals(2, tika.asked.get(), "asked again: Tika's detector");
            once.detect(in, new Metadata());
            assertEquals(3, tika.asked.get(), "an embedded document: Tika's detector");
        }
    }

    @Test
    void aTypeTheUserOverridesAndACleanedPictureAreDetectedAsBefore() throws IOException {
        Counting tika = new Counting(MediaType.image("png"));
        DetectedOnce once = new DetectedOnce(tika);
        Metadata overridden = new Metadata();
        try (TikaInputStream in = bytes()) {
            once.detectAndRemember(in, overridden);
            overridden.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, "application/zip");
            once.detect(in, overridden);
        }
        assertEquals(2, tika.asked.get());
        assertNull(overridden.get(DetectedOnce.KEY));
        Metadata cleaned = new Metadata();
        try (TikaInputStream in = bytes()) {
            once.detectAndRemember(in, cleaned);
            DetectedOnce.forget(cleaned);
            once.detect(in, cleaned);
        }
        assertEquals(4, tika.asked.get());
    }
}

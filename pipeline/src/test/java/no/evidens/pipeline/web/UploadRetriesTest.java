package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How often a server looks at the uploads waiting for the index: 30 s, or what the operator set. */
class UploadRetriesTest {
    @AfterEach
    void clear() {
        System.clearProperty(UploadRetries.EVERY_PROPERTY);
    }

    @Test
    void thePeriodIsThirtySecondsUnlessTheOperatorSetsAnother() {
        assertEquals(Duration.ofSeconds(30), UploadRetries.every());
        System.setProperty(UploadRetries.EVERY_PROPERTY, " 5 ");
        assertEquals(Duration.ofSeconds(5), UploadRetries.every());
    }

    @Test
    void aSettingThatIsNoPeriodLeavesTheDefaultAndTheServerStarts() {
        for (String bad : new String[] {"0", "-3", "fem", "1.5", ""}) {
            System.setProperty(UploadRetries.EVERY_PROPERTY, bad);
            assertEquals(Duration.ofSeconds(30), UploadRetries.every(), "setting '" + bad + "'");
        }
    }
}

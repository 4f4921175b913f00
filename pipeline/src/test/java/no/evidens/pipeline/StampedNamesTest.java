package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moment a receipt's (or an upload's) name tells, the night the clocks go back in Norway (25 October 2026: 03:00
 * summer time is 02:00 winter time, so 02:00–02:59 comes twice), for names written now (UTC) and before round 46
 * (local time).
 */
class StampedNamesTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** 02:50 summer time. */
    private static final Instant FIRST = Instant.parse("2026-10-25T00:50:00Z");
    /** 02:10 winter time: twenty minutes later, an earlier local time. */
    private static final Instant SECOND = Instant.parse("2026-10-25T01:10:00Z");

    @TempDir
    Path dir;

    private final StampedNames names = new StampedNames(OSLO);

    @Test
    void aNameIsStampedInUtcAndSortsAsItsMomentsAcrossTheChange() throws Exception {
        assertEquals("fjordvik-2026-20261025-005000-000Z.json", StampedNames.name("fjordvik-2026", FIRST, ".json"));
        assertEquals("fjordvik-2026-20261025-011000-000Z.json", StampedNames.name("fjordvik-2026", SECOND, ".json"));
        Path second = Files.writeString(dir.resolve(StampedNames.name("fjordvik-2026", SECOND, ".json")), "{}");
        Path first = Files.writeString(dir.resolve(StampedNames.name("fjordvik-2026", FIRST, ".json")), "{}");

        List<StampedNames.Stamped> read = names.oldestFirst(dir, ".json");
        assertEquals(List.of(new StampedNames.Stamped(first, "fjordvik-2026", FIRST),
                new StampedNames.Stamped(second, "fjordvik-2026", SECOND)), read);
        assertEquals(List.of(second, first), names.newestFirst(dir, ".json").stream().map(StampedNames.Stamped::file).toList());
    }

    @Test
    void anOldNameOfTheHourThatCameTwiceIsReadByWhenItsFileWasWritten() throws Exception {
        // the same local time, 02:30, written once in summer time and once, an hour later, in winter time
        Path summer = Files.writeString(dir.resolve("sak-20261025-023000-000.json"), "{}");
        Files.setLastModifiedTime(summer, FileTime.from(Instant.parse("2026-10-25T00:30:02Z")));
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), names.read(summer, ".json").at());
        Files.setLastModifiedTime(summer, FileTime.from(Instant.parse("2026-10-25T01:30:02Z")));
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), names.read(summer, ".json").at());
        // outside that hour the zone alone tells: 10:00 in December is 09:00 UTC, whenever the file was touched
        Path december = Files.writeString(dir.resolve("sak-20261206-100000-000.json"), "{}");
        Files.setLastModifiedTime(december, FileTime.fromMillis(0));
        assertEquals(new StampedNames.Stamped(december, "sak", Instant.parse("2026-12-06T09:00:00Z")), names.read(december, ".json"));
    }

    @Test
    void anOldNameAndANewOneAreOrderedByTheirMomentsNotTheirNames() throws Exception {
        // 10:00 in Oslo, named before the upgrade (09:00 UTC), sorts by name after 09:30 UTC, named after it
        Path before = Files.writeString(dir.resolve("sak-20261206-100000-000.json"), "{}");
        Path after = Files.writeString(dir.resolve("sak-20261206-093000-000Z.json"), "{}");
        assertEquals(List.of(before, after), names.oldestFirst(dir, ".json").stream().map(StampedNames.Stamped::file).toList());
    }

    @Test
    void aNameWithoutAStampHasNoPrefixAndItsFilesTime() throws Exception {
        Instant copied = Instant.parse("2026-11-02T08:00:00Z");
        for (String name : List.of("kopi.json", "sak-kopi.json", "sak-20261399-100000-000.json")) {
            Path p = Files.writeString(dir.resolve(name), "{}");
            Files.setLastModifiedTime(p, FileTime.from(copied));
            StampedNames.Stamped read = names.read(p, ".json");
            assertNull(read.prefix(), name);
            assertEquals(copied, read.at(), name);
        }
    }

    /**
     * Files made in one millisecond (two ingestions of one case finishing at once): none made over another, each read
     * with its prefix and moment, in the order they were made (the tenth after the second, though its name sorts
     * before), then a later millisecond's.
     */
    @Test
    void filesMadeInTheSameMillisecondAreNeverMadeOverEachOtherAndAreReadInTheOrderMade() throws Exception {
        List<Path> made = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            made.add(Files.writeString(StampedNames.create(dir, "fjordvik-2026", FIRST, ".json"), "{\"n\":" + i + "}"));
        }
        Path later = StampedNames.create(dir, "fjordvik-2026", FIRST.plusMillis(1), ".json");
        assertEquals("fjordvik-2026-20261025-005000-000Z.json", made.get(0).getFileName().toString());
        assertEquals("fjordvik-2026-20261025-005000-000Z-2.json", made.get(1).getFileName().toString());
        assertEquals("fjordvik-2026-20261025-005000-000Z-10.json", made.get(9).getFileName().toString());
        assertEquals("fjordvik-2026-20261025-005000-001Z.json", later.getFileName().toString());
        for (int i = 1; i <= 10; i++) {
            assertEquals("{\"n\":" + i + "}", Files.readString(made.get(i - 1)), "the file made " + i + " is as it was written");
        }

        List<StampedNames.Stamped> read = names.oldestFirst(dir, ".json");
        List<Path> order = new java.util.ArrayList<>(made);
        order.add(later);
        assertEquals(order, read.stream().map(StampedNames.Stamped::file).toList());
        assertEquals(new StampedNames.Stamped(made.get(9), "fjordvik-2026", FIRST, 10), read.get(9));
        assertEquals(new StampedNames.Stamped(later, "fjordvik-2026", FIRST.plusMillis(1)), read.get(10));
        // a case named like a number after a stamp is still the case: the number is read only after a UTC stamp's Z
        Path odd = Files.writeString(dir.resolve("sak-2.json"), "{}");
        assertNull(names.read(odd, ".json").prefix());
    }
    /**
     * The machine's zone is looked up only when a name written before round 46 is read, and then once: an unchanged
     * bundle's re-ingest reads only UTC names, and the first zone region a JVM looks up makes java.time search every
     * jar of the class path for zone-rule providers.
     */
    @Test
    void theZoneIsLookedUpOnlyForAnOldName() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        StampedNames lazy = new StampedNames(() -> {
            asked.incrementAndGet();
            return OSLO;
        });
        Files.writeString(dir.resolve(StampedNames.name("fjordvik-2026", FIRST, ".json")), "{}");
        Files.writeString(dir.resolve(StampedNames.name("fjordvik-2026", SECOND, ".json")), "{}");
        assertEquals(List.of(FIRST, SECOND), lazy.oldestFirst(dir, ".json").stream().map(StampedNames.Stamped::at).toList());
        assertEquals(0, asked.get(), "UTC names read without the zone");

        Files.writeString(dir.resolve("sak-20261206-100000-000.json"), "{}");
        Files.writeString(dir.resolve("sak-20261207-100000-000.json"), "{}");
        List<StampedNames.Stamped> read = lazy.newestFirst(dir, ".json");
        assertEquals(Instant.parse("2026-12-07T09:00:00Z"), read.get(0).at());
        assertEquals(Instant.parse("2026-12-06T09:00:00Z"), read.get(1).at());
        assertEquals(1, asked.get(), "the zone looked up once for the old names");
    }
}

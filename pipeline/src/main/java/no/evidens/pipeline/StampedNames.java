package no.evidens.pipeline;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Names of the files the home keeps one of per event, stamped with its moment: {@code <case>-<stamp><ending>} (the
 * ingestion receipts, {@code .json}; the uploaded bundles, {@code .zip}). The stamp is UTC, marked by a closing Z
 * ({@code fjordvik-20261025-011000-000Z.json}), so that the hour the clocks go back in October names no two moments
 * alike. Versions before round 46 stamped this machine's local time, without the Z
 * ({@code fjordvik-20261025-021000-000.json}): such a name is read in the zone given, and a time of the hour that came
 * twice is told apart by the file's modification time (set when it was written, seconds after its stamp). Files are put
 * in order by the moment their names tell, never by the names: an old name and a new one of the same hour do not sort
 * as their moments do.
 *
 * <p>A name is never taken twice: {@link #create} makes the file only when no file has its name, and a second file of
 * the same prefix and millisecond (two processes finishing at once on one home) is named with its number after the
 * stamp, {@code fjordvik-20261025-011000-000Z-2.json}, ordered after the first of that millisecond. A version before
 * round 47 reads such a name as named otherwise (its moment its modification time).
 */
public final class StampedNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
    private static final int STAMP_LENGTH = "yyyyMMdd-HHmmss-SSS".length();
    private static final String UTC = "Z";

    /**
     * A file with the moment it stands for.
     *
     * @param file    the file
     * @param prefix  the name before the stamp (a case id); null when the file is named otherwise (copied by hand)
     * @param at      the moment its stamp tells; its modification time when it has none
     * @param number  its number among the files of its prefix and millisecond: 1 for the first (no number in its name)
     */
    public record Stamped(Path file, String prefix, Instant at, int number) {
        /** The first file of its prefix and millisecond. */
        public Stamped(Path file, String prefix, Instant at) {
            this(file, prefix, at, 1);
        }
    }

    private final Supplier<ZoneId> oldNamesZone;
    private ZoneId oldNames;

    /** @param oldNames the zone the names written before round 46 are in: the machine's, which wrote them */
    public StampedNames(ZoneId oldNames) {
        this(() -> oldNames);
    }

    /**
     * @param oldNamesZone gives the zone the names written before round 46 are in; asked once, and only when such a
     *                     name is read
     */
    StampedNames(Supplier<ZoneId> oldNamesZone) {
        this.oldNamesZone = oldNamesZone;
    }

    /**
     * Names written before round 46 read in this machine's zone. The zone is looked up only when such a name is read:
     * the machine's zone is a region (Europe/Oslo, Etc/UTC), and the first region a JVM asks for makes java.time look
     * for zone-rule providers on the class path (ZoneRulesProvider's ServiceLoader), which opens every one of the
     * launcher's ~200 jars: some 30–60 ms on a quiet machine, of an unchanged bundle's ~0.3 s re-ingest that reads
     * only UTC names.
     */
    public static StampedNames ofThisMachine() {
        return new StampedNames(ZoneId::systemDefault);
    }

    private synchronized ZoneId oldNames() {
        if (oldNames == null) {
            oldNames = oldNamesZone.get();
        }
        return oldNames;
    }

    /** The name of a file of {@code prefix} stamped with {@code at}, in UTC: {@code <prefix>-yyyyMMdd-HHmmss-SSSZ<ending>}. */
    public static String name(String prefix, Instant at, String ending) {
        return prefix + "-" + STAMP.format(at.atOffset(ZoneOffset.UTC)) + UTC + ending;
    }

    /**
     * Makes a new, empty file of {@code prefix} stamped with {@code at} in the folder (made when missing), never one that
     * is there: the first free of {@link #name} and the same name with {@code -2}, {@code -3} … after the stamp. Whoever
     * gets it is the only one writing it; an empty file is read as a file being written is (it names no case).
     *
     * @return the file made
     */
    public static Path create(Path dir, String prefix, Instant at, String ending) throws IOException {
        Files.createDirectories(dir);
        String first = name(prefix, at, ending);
        String stamped = first.substring(0, first.length() - ending.length());
        for (int number = 1; ; number++) {
            Path file = dir.resolve(number == 1 ? first : stamped + "-" + number + ending);
            try {
                return Files.createFile(file);
            } catch (FileAlreadyExistsException taken) {
                // another ingestion of the same prefix and millisecond has it: the next number
            }
        }
    }

    /** The prefix and moment of a file; its moment the modification time when its name has no stamp. */
    public Stamped read(Path file, String ending) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(ending)) {
            String base = name.substring(0, name.length() - ending.length());
            int number = number(base);
            if (number > 1) {
                base = base.substring(0, base.lastIndexOf('-'));
            }
            boolean utc = base.endsWith(UTC);
            int stamp = base.length() - (utc ? UTC.length() : 0) - STAMP_LENGTH;
            if (stamp > 1 && base.charAt(stamp - 1) == '-') {
                try {
                    LocalDateTime local = LocalDateTime.parse(base.substring(stamp, stamp + STAMP_LENGTH), STAMP);
                    Instant at = utc ? local.toInstant(ZoneOffset.UTC) : local(local, file);
                    return new Stamped(file, base.substring(0, stamp - 1), at, utc ? number : 1);
                } catch (DateTimeParseException notAStamp) {
                    // named otherwise: its modification time below
                }
            }
        }
        return new Stamped(file, null, Files.getLastModifiedTime(file).toInstant());
    }

    /**
     * The number after a UTC stamp ({@code …-000Z-2}), 2 or more; 1 when there is none (an old name never has one: the
     * digits after its last hyphen are its milliseconds).
     */
    private static int number(String base) {
        int dash = base.lastIndexOf('-');
        if (dash < 1 || base.charAt(dash - 1) != UTC.charAt(0) || dash == base.length() - 1 || base.length() - dash > 10) {
            return 1;
        }
        for (int i = dash + 1; i < base.length(); i++) {
            if (base.charAt(i) < '0' || base.charAt(i) > '9') {
                return 1;
            }
        }
        int number = Integer.parseInt(base.substring(dash + 1));
        return number >= 2 ? number : 1;
    }

    /**
     * A local time of an old name as a moment: in the hour that came twice, the one of its two offsets nearer the file's
     * modification time (the first, as {@link LocalDateTime#atZone} takes it, when the time cannot be read).
     */
    private Instant local(LocalDateTime local, Path file) throws IOException {
        ZoneId zone = oldNames();
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() < 2) {
            return local.atZone(zone).toInstant();
        }
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        Instant best = null;
        for (ZoneOffset offset : offsets) {
            Instant at = local.toInstant(offset);
            if (best == null || Math.abs(at.getEpochSecond() - modified.getEpochSecond())
                    < Math.abs(best.getEpochSecond() - modified.getEpochSecond())) {
                best = at;
            }
        }
        return best;
    }

    /**
     * The files of the folder with this ending, oldest first: by the moment each stands for, then by their number in
     * its millisecond ({@link #create}), the name breaking a tie.
     * None when the folder is not there.
     */
    public List<Stamped> oldestFirst(Path dir, String ending) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Stamped> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(ending)).toList()) {
                try {
                    out.add(read(p, ending));
                } catch (NoSuchFileException gone) {
                    // taken away since the listing (a restore's undo, a test's clean-up): it has no moment
                }
            }
        }
        out.sort(Comparator.comparing(Stamped::at).thenComparingInt(Stamped::number)
                .thenComparing(s -> s.file().getFileName().toString()));
        return out;
    }

    /** {@link #oldestFirst}, the newest first. */
    public List<Stamped> newestFirst(Path dir, String ending) throws IOException {
        List<Stamped> out = oldestFirst(dir, ending);
        Collections.reverse(out);
        return out;
    }
}

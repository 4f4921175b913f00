package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's cache of the classes a JVM loads, as Evidens gives it to the JVMs it starts (Tika workers, the sides of
 * {@code bench ingest}) and as the launcher gives it to a command. On Java 25 and later: the ahead-of-time cache
 * (JEP 483, classes loaded and linked; JEP 515, method profiles), made in two steps, a run that records what it
 * loads ({@code -XX:AOTMode=record}), then a short JVM that writes the cache from that record
 * ({@code -XX:AOTMode=create}). Before Java 25: a class-data archive (AppCDS), written by the JVM as it ends. The
 * one-step {@code -XX:AOTCacheOutput} is not used: its child JVM prints to the standard output, which carries a
 * worker's answers and a command's output.
 */
public final class ClassCache {
    /** The first Java version with the ahead-of-time cache. */
    static final int AOT_FEATURE = 25;
    /** How long writing the ahead-of-time cache from a record may take before it is given up. */
    private static final long CREATE_MILLIS = 120_000;

    private ClassCache() {
    }

    /** Whether this JVM (and the JVMs it starts from its own {@code java.home}) have the ahead-of-time cache. */
    public static boolean aheadOfTime() {
        return Runtime.version().feature() >= AOT_FEATURE;
    }

    private static int feature() {
        return Runtime.version().feature();
    }

    /** A cache's file name ending: {@code .aot} (ahead-of-time cache) or {@code .jsa} (class-data archive). */
    public static String suffix() {
        return aheadOfTime() ? ".aot" : ".jsa";
    }

    /** What this JVM's caches are, for a report. */
    public static String describe() {
        return aheadOfTime() ? "Java " + Runtime.version() + ", ahead-of-time caches (JEP 483, 515)"
                : "Java " + Runtime.version() + ", class-data archives (AppCDS)";
    }

    /** The options of a JVM that maps the cache {@code cache}. */
    public static List<String> mapOptions(Path cache) {
        return mapOptions(cache, feature());
    }

    /** As {@link #mapOptions(Path)}, for a JVM of the Java version {@code feature}. */
    static List<String> mapOptions(Path cache, int feature) {
        return List.of(feature >= AOT_FEATURE ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
    }

    /**
     * The options of a JVM that records what a cache needs, to {@code part}, as it ends: on Java 25 its record (the
     * JVM's line saying so silenced: it would go to the standard output), before it the class-data archive itself.
     */
    public static List<String> recordOptions(Path part) {
        return recordOptions(part, feature());
    }

    /** As {@link #recordOptions(Path)}, for a JVM of the Java version {@code feature}. */
    static List<String> recordOptions(Path part, int feature) {
        if (feature >= AOT_FEATURE) {
            return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + part, "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:-DisplayVMOutput");
        }
        return List.of("-XX:ArchiveClassesAtExit=" + part);
    }

    /** Whether {@code options} are those of a JVM that records a cache. */
    public static boolean records(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=") || o.equals("-XX:AOTMode=record"));
    }

    /**
     * After a JVM started with {@link #recordOptions} has ended normally: its {@code part} becomes the cache (Java 25:
     * a JVM with the recording JVM's options {@code jvmOptions} and {@code classPath} writes the cache from it, its
     * output dropped). The part is deleted in any case. Returns whether the cache is there.
     */
    public static boolean finish(Path part, Path cache, List<String> jvmOptions, String classPath) {
        try {
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                return false;
            }
            Path made = part;
            if (aheadOfTime()) {
                made = part.resolveSibling(part.getFileName() + ".aot");
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(jvmOptions.stream().filter(o -> !o.startsWith("-XX:AOT") && !o.startsWith("-XX:SharedArchiveFile")
                        && !o.startsWith("-XX:ArchiveClassesAtExit")).toList());
                cmd.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + part, "-XX:AOTCache=" + made,
                        "-cp", classPath));
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(CREATE_MILLIS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    Files.deleteIfExists(made);
                    return false;
                }
                if (p.exitValue() != 0 || !Files.isRegularFile(made)) {
                    Files.deleteIfExists(made);
                    return false;
                }
            }
            try {
                Files.move(made, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(made, cache, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            // Only a speed-up: without the cache the JVMs start as before.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // Left behind: the next start takes no notice of it.
            }
        }
    }
}

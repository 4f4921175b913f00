package no.evidens.pipeline;

import java.util.Arrays;
import java.util.List;

/**
 * The JVM options that name slf4j's provider (slf4j-simple, the one on the class path) to every JVM Evidens starts:
 * the launcher's commands (the same string in {@code evidens}), the Tika workers and the bench's ingest sides.
 * Unnamed, slf4j finds its provider by a service look-up over the class path, which opens every one of its ~190 jars
 * at the first logger. Named, slf4j 2 says on stderr which provider it was told to take; its own messages are kept to
 * warnings ({@code slf4j.internal.verbosity}), so a command's stderr is what it was. Evidens's own log lines (warnings
 * and errors, or debug when asked for) are not slf4j's own messages and are unchanged.
 */
public final class Slf4jProvider {
    /** The options, space-separated, as the launcher writes them. */
    public static final String OPTIONS =
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -Dslf4j.internal.verbosity=WARN";

    private Slf4jProvider() {
    }

    /** {@link #OPTIONS} one by one, for a command line. */
    public static List<String> options() {
        return Arrays.asList(OPTIONS.split(" "));
    }
}

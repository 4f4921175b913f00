package no.evidens.pipeline;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A note for whoever runs Evidens, said once by a shared service (the findings store brought up to this Evidens's schema,
 * round 52): a command line says it as its other notes, one plain {@code evidens: …} line on stderr; a server, and any
 * process that set no console, logs it as a warning (the log is where a server's administrator looks).
 */
public final class UserNotes {
    private static final Logger LOG = LoggerFactory.getLogger(UserNotes.class);
    private static volatile Consumer<String> console;

    private UserNotes() {
    }

    /** Where the notes of this process go from now on: a command line's stderr, or null for the log. */
    public static void sayTo(Consumer<String> where) {
        console = where;
    }

    /** Says one line (English, as the CLI is). */
    public static void say(String line) {
        Consumer<String> to = console;
        if (to == null) {
            LOG.warn("{}", line);
        } else {
            to.accept(line);
        }
    }
}

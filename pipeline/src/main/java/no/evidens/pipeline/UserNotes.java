package no.evidens.pipeline;

import java.io.PrintWriter;
import java.util.function.Supplier;

import org.slf4j.LoggerFactory;

/**
 * Where the notes for whoever runs Evidens go, said once by a shared service (the findings store or the accounts database
 * brought up to this Evidens's schema, round 52): a command line says them as its other notes, one plain {@code evidens: …}
 * line on its stderr; a server, and any process that asks for no other, logs them as a warning (the log is where a
 * server's administrator looks).
 *
 * <p>Handed on with the home ({@link EvidensHome#notes()}), which every service that opens a store is given already: no
 * process-wide setting, so two runs in one process (tests, one command after another) each say theirs where they should.
 */
@FunctionalInterface
public interface UserNotes {
    /** A server's notes: the log, with the time. */
    UserNotes LOG = line -> LoggerFactory.getLogger(UserNotes.class).warn("{}", line);

    /** Says one line (English, as the CLI is). */
    void say(String line);

    /**
     * A command line's notes: {@code evidens: <line>} on its stderr.
     *
     * @param err the command line's stderr, asked at each note (a test sets its own after the command line is made)
     */
    static UserNotes printedOn(Supplier<PrintWriter> err) {
        return line -> {
            PrintWriter to = err.get();
            to.println("evidens: " + line);
            to.flush();
        };
    }
}

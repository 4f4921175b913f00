package no.evidens.pipeline;

import org.slf4j.Logger;

/**
 * The log of one thing a loop does again and again (write the inbox's state, commit the trail's entries): a failure is
 * logged when it begins and when its kind changes, and one line more when the thing works again, not at each try. A
 * watcher polling every 500 ms on a full disk otherwise wrote the same warning twice a second, filling the log, and
 * the disk, further.
 *
 * <p>Written here: the project logs through SLF4J's simple binding, which has no filter at all, and the filters of other
 * back ends (Log4j's {@code BurstFilter}, Logback's {@code DuplicateMessageFilter}) cap how often a line is written,
 * never say when the failure clears, and would mean changing the logging back end for every command.
 */
public final class FailureLog {
    private final Logger log;
    private final String what;
    private final String again;
    /** The kind of the failure going on (the disk full, else the exception's type), or null while all goes well. */
    private String failing;

    /**
     * @param what  what fails, as the log says it: «the inbox's state could not be saved»
     * @param again the line when it works again: «the inbox's state is saved again»
     */
    public FailureLog(Logger log, String what, String again) {
        this.log = log;
        this.what = what;
        this.again = again;
    }

    /**
     * A try failed: logged when it is the first since the thing last worked, or fails otherwise than the last (by its
     * kind alone: the exception's type, or the disk full; never its message, which may name a file of a case).
     *
     * @return whether this failure was logged
     */
    public synchronized boolean failed(Throwable e) {
        String kind = Messages.diskFull(e) ? "the disk is full (" + Messages.DISK_FULL + ")" : e.getClass().getName();
        if (kind.equals(failing)) {
            return false;
        }
        log.warn("{}: {} (said once, and again when it changes or clears)", what, kind);
        failing = kind;
        return true;
    }

    /** A try worked: logged once when it failed before. */
    public synchronized void worked() {
        if (failing != null) {
            log.warn("{} (after: {})", again, failing);
            failing = null;
        }
    }

    /** Whether the last try failed. */
    public synchronized boolean failing() {
        return failing != null;
    }
}

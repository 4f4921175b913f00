package no.evidens.pipeline.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.engine.SessionRemote;

/**
 * What H2's connection thread writes to a client the door handed it ({@link HandedSocket}), read by the door until the
 * sign-in is decided, then passed through untouched: H2's first answer (a status and the protocol version), then its answer to
 * the session's id, which is an error when the sign-in failed. A refusal is told to the door, which logs it and may hold it
 * back (a wrong password, {@link SignInFailures}) before the client gets it; a success is told to it too (the sign-in's time
 * limit ends). H2 sends each answer whole and then flushes, so the door decides at a flush; an answer not yet whole waits there
 * for the rest.
 */
final class SignInWatch extends OutputStream {
    /** The door's side of one connection's sign-in. */
    interface Door {
        /** The client has signed in: the bytes pass through from now on. */
        void signedIn();

        /** H2 refused the client: returns how long its answer is held back. */
        Duration refused(H2Error error);
    }

    private static final int FIRST = 0;
    private static final int SESSION = 1;
    private static final int DECIDED = 2;
    private final OutputStream client;
    private final Door door;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
    private final CountDownLatch gone = new CountDownLatch(1);
    /** Which of H2's answers is awaited (written by H2's one thread for the connection only). */
    private int step = FIRST;

    SignInWatch(OutputStream client, Door door) {
        this.client = client;
        this.door = door;
    }

    @Override
    public void write(int b) throws IOException {
        if (step == DECIDED) {
            client.write(b);
        } else {
            pending.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (step == DECIDED) {
            client.write(b, off, len);
        } else {
            pending.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (step != DECIDED) {
            decide();
        }
        client.flush();
    }

    @Override
    public void close() throws IOException {
        gone();
        client.close();
    }

    /** The connection is closed: a refusal held back is not waited for any longer. */
    void gone() {
        gone.countDown();
    }

    /** Reads the whole answers among the bytes written so far, and passes them on; the rest waits for more. */
    private void decide() throws IOException {
        byte[] bytes = pending.toByteArray();
        DataInputStream answers = new DataInputStream(new ByteArrayInputStream(bytes));
        int whole = 0;
        Duration hold = Duration.ZERO;
        try {
            while (step != DECIDED) {
                int status = answers.readInt();
                if (status == SessionRemote.STATUS_ERROR) {
                    hold = door.refused(H2Error.read(answers));
                    step = DECIDED;
                } else if (step == FIRST && status == SessionRemote.STATUS_OK) {
                    answers.readInt(); // the protocol version the two agree on
                    step = SESSION;
                } else {
                    // the session's id accepted: signed in (or, at first, something that is not H2's usual answer: passed on)
                    if (step == SESSION) {
                        door.signedIn();
                    }
                    step = DECIDED;
                }
                whole = bytes.length - answers.available();
            }
        } catch (EOFException e) {
            // an answer not yet whole: its bytes wait for the rest
        }
        if (step == DECIDED) {
            whole = bytes.length;
        }
        if (!hold.isZero()) {
            try {
                gone.await(hold.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.write(bytes, 0, whole);
        pending.reset();
        pending.write(bytes, whole, bytes.length - whole);
    }
}

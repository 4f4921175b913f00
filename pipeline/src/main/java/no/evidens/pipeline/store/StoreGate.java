package no.evidens.pipeline.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

import org.h2.api.ErrorCode;
import org.h2.engine.SessionRemote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store server's door: it takes the connections on the server's address (TLS here, with {@code --tls}), reads each
 * client's opening message with bounds ({@link H2Opening}), then hands the connection to H2's TCP server in this process
 * ({@link H2HandOff}, which has no port of its own), watching H2's answers until the sign-in is decided ({@link SignInWatch});
 * after that H2 reads and writes the client's socket itself. It logs who came and what became of it, never a password.
 *
 * <p>Until round 53 the door passed the opening on to H2 listening on a loopback port and then relayed the bytes both ways,
 * two threads and a second socket per connection: that cost about half as much CPU again as H2's own work per request
 * (measured by thread during {@code evidens bench store}), and is gone.
 *
 * <p>Why a door of our own rather than H2's server alone: H2's server has no time limit for a client that connects and sends
 * nothing or sends a byte now and then (each held a thread and a socket for as long as it liked), reads a text of any
 * announced length into memory before a password is checked, keeps one wrong-password delay for the whole server under a
 * lock every sign-in needs (a stranger's wrong passwords made the homes time out), and says nothing of any of it. H2 offers
 * no hook for these: its connection thread reads the socket itself.
 *
 * <p>Bounds: a client has {@link #SIGN_IN} to finish its sign-in, or it is cut; at most {@link #MAX_WAITING_PER_ADDRESS}
 * connections of one address and {@link #MAX_WAITING} in all may be signing in at once (a newer one closes the oldest); the
 * answer to a wrong password is held back ({@link SignInFailures}).
 */
final class StoreGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreGate.class);
    /** How long a client has from its connection to the end of its sign-in: a home on a working network takes milliseconds. */
    static final Duration SIGN_IN = Duration.ofSeconds(10);
    static final int MAX_WAITING = 512;
    static final int MAX_WAITING_PER_ADDRESS = 64;
    /** How often the log says again that connections were turned away for the bounds (once per this time, with a count). */
    private static final long TURNED_AWAY_EVERY_MS = 10_000;

    private final ServerSocket listener;
    private final H2HandOff h2;
    private final Duration signIn;
    private final ScheduledExecutorService cuts;
    private final SignInFailures failures = new SignInFailures(Clock.systemUTC());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Connections signing in now, oldest first: per address, and all. */
    private final Map<String, Deque<Socket>> waiting = new ConcurrentHashMap<>();
    private final Deque<Socket> waitingAll = new ConcurrentLinkedDeque<>();
    /** Who has signed in since the start (address and user): the first time is said, later ones not (each request is one). */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final AtomicLong turnedAway = new AtomicLong();
    private final AtomicLong turnedAwaySaid = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private StoreGate(ServerSocket listener, H2HandOff h2, Duration signIn) {
        this.listener = listener;
        this.h2 = h2;
        this.signIn = signIn;
        this.cuts = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "evidens-store-sign-in-cut"));
        this.acceptor = daemon(this::accept, "evidens-store-door");
    }

    /**
     * Opens the door on {@code bind}:{@code port} in front of H2's server {@code h2}.
     *
     * @param tls whether the door speaks TLS (the process's default context, which {@link StoreTls#serve} set)
     */
    static StoreGate open(String bind, int port, boolean tls, H2HandOff h2, Duration signIn) throws IOException {
        InetAddress address = InetAddress.getByName(bind);
        ServerSocket listener;
        if (tls) {
            SSLServerSocket s = (SSLServerSocket) SSLServerSocketFactory.getDefault().createServerSocket(port, 128, address);
            // as H2's own TLS server did: nothing older than TLS
            s.setEnabledProtocols(Arrays.stream(s.getEnabledProtocols()).filter(p -> p.startsWith("TLS")).toArray(String[]::new));
            listener = s;
        } else {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port), 128);
        }
        StoreGate gate = new StoreGate(listener, h2, signIn);
        gate.acceptor.start();
        return gate;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // out of file descriptors, say: H2's own loop ended here for good; this one waits a moment and goes on
                LOG.warn("store server: cannot take a connection ({}); trying again", e.getMessage());
                sleep(200);
                continue;
            }
            String address = client.getInetAddress().getHostAddress();
            open.add(client);
            waitingAll.add(client);
            List<Socket> oldest = new ArrayList<>();
            waiting.compute(address, (a, mine) -> {
                Deque<Socket> d = mine == null ? new ConcurrentLinkedDeque<>() : mine;
                d.add(client);
                while (d.size() > MAX_WAITING_PER_ADDRESS) {
                    oldest.add(d.pollFirst());
                }
                return d;
            });
            int extra = waitingAll.size() - oldest.size() - MAX_WAITING;
            for (Iterator<Socket> all = waitingAll.iterator(); extra > 0 && all.hasNext(); ) {
                Socket old = all.next();
                if (!oldest.contains(old)) {
                    oldest.add(old);
                    extra--;
                }
            }
            for (Socket old : oldest) {
                turnAway(old);
            }
            daemon(() -> serve(client, address), "evidens-store-door " + address).start();
        }
    }

    /**
     * One connection: its opening read and checked within the time, then the connection handed to H2, whose answers to the
     * sign-in the door watches ({@link SignInWatch}); from then on H2's connection thread reads and writes the client's
     * socket itself: no bytes are relayed.
     */
    private void serve(Socket client, String address) {
        String who = address + ":" + client.getPort();
        ScheduledFuture<?> cut = cuts.schedule(() -> {
            LOG.warn("store server: {} did not finish signing in within {} s: cut off", who, signIn.toSeconds());
            closeQuietly(client);
        }, signIn.toMillis(), TimeUnit.MILLISECONDS);
        boolean handed = false;
        try {
            client.setSoTimeout((int) signIn.toMillis());
            client.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            H2Opening opening;
            try {
                opening = H2Opening.read(in);
            } catch (H2Opening.NotH2 e) {
                LOG.warn("store server: {} {}: closed", who, e.getMessage());
                refuse(new DataOutputStream(new BufferedOutputStream(client.getOutputStream())));
                return;
            }
            InputStream replayed = new ByteArrayInputStream(opening.bytes());
            Socket toH2;
            if (opening.cancel()) {
                // H2 reads on after a cancel as if a user followed: it gets the cancel and nothing more
                toH2 = new HandedSocket(client, replayed, client.getOutputStream(), h -> ended(client, address, cut, h, null));
            } else {
                SignInWatch watch = new SignInWatch(client.getOutputStream(), new Signing(client, address, who, opening, cut));
                toH2 = new HandedSocket(client, new SequenceInputStream(replayed, in), watch,
                        h -> ended(client, address, cut, h, watch));
            }
            open.add(toH2);
            open.remove(client);
            handed = true;
            h2.hand(toH2);
        } catch (SocketTimeoutException e) {
            // cut off by the time limit: said by the cut
        } catch (EOFException e) {
            if (!client.isClosed()) {
                LOG.warn("store server: {} closed the connection before it had signed in", who);
            }
        } catch (SSLException e) {
            LOG.warn("store server: {} failed the TLS handshake ({}): closed", who, e.getMessage());
        } catch (IOException e) {
            if (!closed && !client.isClosed()) {
                LOG.debug("store server: {} ended: {}", who, e.toString());
            }
        } finally {
            if (!handed) {
                ended(client, address, cut, client, null);
                closeQuietly(client);
            }
        }
    }

    /** A connection closed (by H2, the client, a bound or the stop): nothing of it is kept, and no answer held back waits. */
    private void ended(Socket client, String address, ScheduledFuture<?> cut, Socket handed, SignInWatch watch) {
        cut.cancel(false);
        release(client, address);
        open.remove(handed);
        if (watch != null) {
            watch.gone();
        }
    }

    /** One connection's sign-in, as H2 answers it. */
    private final class Signing implements SignInWatch.Door {
        private final Socket client;
        private final String address;
        private final String who;
        private final H2Opening opening;
        private final ScheduledFuture<?> cut;

        Signing(Socket client, String address, String who, H2Opening opening, ScheduledFuture<?> cut) {
            this.client = client;
            this.address = address;
            this.who = who;
            this.opening = opening;
            this.cut = cut;
        }

        @Override
        public void signedIn() {
            cut.cancel(false);
            try {
                client.setSoTimeout(0);
            } catch (SocketException e) {
                // closed meanwhile: H2 finds it so at its next read
            }
            release(client, address);
            if (known.add(address + " " + user(opening))) {
                LOG.info("store server: {} signed in as {} to {} (the first time from this address since the start)", who,
                        user(opening), printable(opening.database()));
            }
        }

        @Override
        public Duration refused(H2Error error) {
            return StoreGate.this.refused(who, address, opening, error);
        }
    }

    /**
     * Says a refused sign-in in the log (the address, the user, the database; H2's message is not logged) and returns how
     * long its answer is held back: for a wrong password {@link SignInFailures}'s delay, otherwise none.
     */
    private Duration refused(String who, String address, H2Opening opening, H2Error error) {
        if (error.code() != ErrorCode.WRONG_USER_OR_PASSWORD) {
            LOG.warn("store server: {} was refused the database {} as {} (H2 error {})", who, printable(opening.database()),
                    user(opening), error.code());
            return Duration.ZERO;
        }
        int n = failures.failed(address);
        Duration delay = SignInFailures.delay(n);
        // every one of the first ten, then every hundredth: an address that keeps trying is said, not a line per try
        if (n <= 10 || n % 100 == 0) {
            LOG.warn("store server: {} gave a wrong password for the user {} (database {}); {} from this address in the last"
                    + " minutes, answered after {} ms", who, user(opening), printable(opening.database()), n, delay.toMillis());
        }
        return delay;
    }

    /** The user as the server knows it: H2's client sends the name in capitals; H2 matches names without regard to case. */
    private static String user(H2Opening opening) {
        return printable(opening.user() == null ? "-" : opening.user().toLowerCase(java.util.Locale.ROOT));
    }

    /** A client's text as a log may hold it: no line breaks or other control characters a stranger could forge lines with. */
    static String printable(String text) {
        String t = text == null ? "-" : text;
        String cut = t.length() > 64 ? t.substring(0, 64) + "…" : t;
        return cut.replaceAll("[^\\p{L}\\p{N}_.@-]", "?");
    }

    /**
     * Answers bytes that are not H2's with H2's own kind of error (what H2's server answered before the door), so an H2 client
     * of another kind says it, and a TLS client meeting a plain server is told by its own library that this is no TLS.
     */
    private static void refuse(DataOutputStream out) {
        try {
            out.writeInt(SessionRemote.STATUS_ERROR);
            new H2Error("90047", "This is an Evidens store server (H2's TCP protocol): the client's bytes are not that protocol",
                    null, ErrorCode.DRIVER_VERSION_ERROR_2, "").write(out);
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /**
     * Closes a connection still signing in to make room for a newer one: the oldest go first, so a home's connection, which
     * signs in within milliseconds, gets in among a stranger's many that say nothing, even from the same address.
     */
    private void turnAway(Socket old) {
        String address = old.getInetAddress().getHostAddress();
        release(old, address);
        closeQuietly(old);
        long n = turnedAway.incrementAndGet();
        long now = System.currentTimeMillis();
        long said = turnedAwaySaid.get();
        if (now - said >= TURNED_AWAY_EVERY_MS && turnedAwaySaid.compareAndSet(said, now)) {
            LOG.warn("store server: too many connections signing in at once (at most {} from one address, {} in all): the oldest"
                    + " closed to make room, {} so far, the latest from {}", MAX_WAITING_PER_ADDRESS, MAX_WAITING, n, address);
        }
    }

    private void release(Socket client, String address) {
        waitingAll.remove(client);
        waiting.computeIfPresent(address, (a, d) -> {
            d.remove(client);
            return d.isEmpty() ? null : d;
        });
    }

    private void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    /** Stops taking connections and closes those open. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        cuts.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

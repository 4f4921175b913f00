package no.evidens.pipeline.store;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.h2.server.TcpServer;

/**
 * H2's TCP server in this process, fed only with the connections the door ({@link StoreGate}) took and checked: it has no
 * port of its own, so nothing reaches it but through the door, and a client's bytes go from its socket to H2's connection
 * thread with no second socket or relaying thread between them.
 *
 * <p>Why a private field is set: H2 offers no public way to give its server a connected socket. Its connection thread's
 * constructor is package-private, and {@code TcpServer.start()} makes its own {@code ServerSocket} in the private field
 * {@code serverSocket}, which its public accepting loop ({@code listen()}) then takes connections from. That field is set here,
 * once, to a {@code ServerSocket} whose {@code accept()} returns the door's connections; everything else (the connection
 * threads, their bookkeeping, cancelling a statement from another connection, the stop) stays H2's own. The relay it replaces
 * (two more threads and a loopback socket per connection) cost about half of H2's own CPU per request (round 53's
 * measurement). The H2 version is the one the build names; an upgrade that renamed the field would fail every store-server
 * test and the server's start, with the message below.
 */
final class H2HandOff implements AutoCloseable {
    private final TcpServer server;
    private final Handed handed;

    private H2HandOff(TcpServer server, Handed handed) {
        this.server = server;
        this.handed = handed;
    }

    /** Starts H2's TCP server with these arguments ({@code -baseDir}, {@code -ifExists}, …) and no port of its own. */
    static H2HandOff start(String... args) throws SQLException {
        TcpServer server = new TcpServer();
        server.init(args);
        // it binds a socket of its own here (on loopback: StoreServe set h2.bindAddress), closed at once below
        server.start();
        Handed handed;
        ServerSocket own;
        try {
            handed = new Handed();
            Field field = TcpServer.class.getDeclaredField("serverSocket");
            field.setAccessible(true);
            own = (ServerSocket) field.get(server);
            field.set(server, handed);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            server.stop();
            throw new IllegalStateException("this H2's TCP server cannot be given the door's connections (TcpServer.serverSocket: "
                    + e + "); the store server is built for H2 " + org.h2.engine.Constants.VERSION, e);
        }
        try {
            own.close();
        } catch (IOException e) {
            // it was never listened on
        }
        Thread listener = new Thread(server::listen, "H2 TCP Server (behind the store door)");
        listener.setDaemon(server.isDaemon());
        listener.start();
        return new H2HandOff(server, handed);
    }

    /** Gives H2 a connection whose opening the door has read (the socket replays it): H2 starts a thread for it. */
    void hand(Socket connection) throws IOException {
        if (!handed.queue.offer(connection) || handed.isClosed()) {
            connection.close();
        }
    }

    /** Stops H2's server: its thread for each connection is closed. */
    @Override
    public void close() {
        server.stop();
    }

    /** What H2's accepting loop takes connections from: those handed to it, until it is closed. */
    private static final class Handed extends ServerSocket {
        /** Put in the queue at the close, to end a waiting {@link #accept}. */
        private static final Socket CLOSED = new Socket();
        private final BlockingQueue<Socket> queue = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        Handed() throws IOException {
            super(); // never bound: its socket is made only at a bind, which never comes
        }

        @Override
        public Socket accept() throws IOException {
            if (closed) {
                throw new SocketException("closed");
            }
            try {
                Socket s = queue.take();
                if (s == CLOSED) {
                    queue.offer(CLOSED);
                    throw new SocketException("closed");
                }
                return s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SocketException("interrupted");
            }
        }

        @Override
        public void close() {
            closed = true;
            queue.offer(CLOSED);
            for (Socket s; (s = queue.poll()) != null && s != CLOSED; ) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing
                }
            }
            queue.offer(CLOSED);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isBound() {
            return !closed;
        }

        @Override
        public int getLocalPort() {
            return -1;
        }

        @Override
        public String toString() {
            return "the store door's connections";
        }
    }
}

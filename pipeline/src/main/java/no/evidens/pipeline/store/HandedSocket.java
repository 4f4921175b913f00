package no.evidens.pipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A client's connection as the door hands it to H2's connection thread ({@link H2HandOff}): its input starts with the opening
 * message the door has read and checked, then goes on with the client's own; its output is the client's, watched until the
 * sign-in is decided ({@link SignInWatch}). Everything else is the client's socket's; closing it tells the door.
 */
final class HandedSocket extends Socket {
    private final Socket client;
    private final InputStream in;
    private final OutputStream out;
    private final Consumer<HandedSocket> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param in      the opening's bytes, then the client's (the door's buffered stream)
     * @param out     the output H2 writes to
     * @param onClose what the door does when H2 (or the door, or a stop) closes the connection
     */
    HandedSocket(Socket client, InputStream in, OutputStream out, Consumer<HandedSocket> onClose) throws SocketException {
        super((SocketImpl) null);
        this.client = client;
        this.in = in;
        this.out = out;
        this.onClose = onClose;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                client.close();
            } finally {
                onClose.accept(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed.get() || client.isClosed();
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public boolean isBound() {
        return client.isBound();
    }

    @Override
    public InetAddress getInetAddress() {
        return client.getInetAddress();
    }

    @Override
    public int getPort() {
        return client.getPort();
    }

    @Override
    public InetAddress getLocalAddress() {
        return client.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return client.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return client.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return client.getLocalSocketAddress();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        client.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return client.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        client.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return client.getTcpNoDelay();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        client.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return client.getOption(name);
    }

    @Override
    public void shutdownInput() throws IOException {
        client.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        client.shutdownOutput();
    }

    @Override
    public String toString() {
        return "the door's " + client;
    }
}

package no.evidens.pipeline.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.function.IntSupplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context that is another, except that a socket made unconnected by its socket factory gets a read timeout. H2's client
 * makes its TLS socket so ({@code CipherFactory.createSocket}) and, unlike its plain socket, sets no timeout on it (its
 * {@code NETWORK_TIMEOUT} setting is left out): without this a hung store server reached by {@code ssl://} would hold a
 * command or a web request for ever. The timeout is asked for at each socket, so that it follows
 * {@link StoreServer#NETWORK_TIMEOUT_PROPERTY} as H2's plain sockets do. Other clients (java.net.http, Jetty) connect
 * otherwise and are left as they were.
 */
final class TimedSslContext extends SSLContext {
    TimedSslContext(SSLContext real, IntSupplier readTimeoutMs) {
        super(new Spi(real, readTimeoutMs), real.getProvider(), real.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext real;
        private final SSLSocketFactory sockets;

        Spi(SSLContext real, IntSupplier readTimeoutMs) {
            this.real = real;
            this.sockets = new Timed(real.getSocketFactory(), readTimeoutMs);
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("the store server's TLS context is set up already");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return sockets;
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real.getSupportedSSLParameters();
        }
    }

    /** The real factory; its unconnected sockets with a read timeout. */
    private static final class Timed extends SSLSocketFactory {
        private final SSLSocketFactory real;
        private final IntSupplier readTimeoutMs;

        Timed(SSLSocketFactory real, IntSupplier readTimeoutMs) {
            this.real = real;
            this.readTimeoutMs = readTimeoutMs;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket s = real.createSocket();
            s.setSoTimeout(readTimeoutMs.getAsInt());
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return real.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return real.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return real.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return real.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return real.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return real.createSocket(address, port, localAddress, localPort);
        }
    }
}

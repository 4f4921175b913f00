package no.evidens.pipeline.web;

import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The workspace's one connector: plain HTTP or TLS from a keystore, with the HTTP limits of {@link WebConfig}. */
final class Connectors {
    /** The most header bytes Jetty reads; the workspace's own limit is {@link ApiHandler#HEADER_LIMIT}. */
    static final int JETTY_HEADER_LIMIT = 64 * 1024;

    private Connectors() {
    }

    static ServerConnector connector(Server server, WebConfig config, Exposure exposure) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Jetty refuses larger headers before it has read them (so before it knows whether a browser asks); up to this the
        // workspace reads them and refuses more than ApiHandler.HEADER_LIMIT itself, with its own page or JSON (431).
        http.setRequestHeaderSize(JETTY_HEADER_LIMIT);
        http.setIdleTimeout(config.idleTimeout().toMillis());
        if (exposure.behindProxy()) {
            // The proxy's Forwarded / X-Forwarded-Proto say whether the browser used https (for Secure cookies).
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector;
        if (exposure.tls()) {
            http.setSecureScheme("https");
            http.addCustomizer(new SecureRequestCustomizer());
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(exposure.tlsKeystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(exposure.tlsPassword());
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(exposure.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(config.acceptQueue());
        return connector;
    }
}

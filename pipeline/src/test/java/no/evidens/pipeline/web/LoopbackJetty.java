package no.evidens.pipeline.web;

import java.io.IOException;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A bare Jetty server for tests of the workspace's own request handling: plain HTTP on 127.0.0.1, any free port. */
final class LoopbackJetty {
    private LoopbackJetty() {
    }

    /** Adds a connector with these settings and the workspace's error handler, opens it and gives its port. */
    static int open(Server server, HttpConfiguration config) throws IOException {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrors());
        connector.open();
        return connector.getLocalPort();
    }
}

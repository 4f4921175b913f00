package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Debug logging on ({@code -Dorg.slf4j.simpleLogger.defaultLogLevel=debug}) never turns on the loggers that quote the bytes
 * of requests and responses. Round 47's session with debug on logged a sign-in's password and search words from Jetty's
 * buffers; the level each logger gets is worked out as slf4j-simple does: the nearest {@code log.} key of its name or a
 * parent's, else the default level.
 */
class DebugLogLevelsTest {
    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private static String level(Properties config, String logger) {
        for (String name = logger; ; name = name.substring(0, name.lastIndexOf('.'))) {
            String level = config.getProperty(PREFIX + name);
            if (level != null) {
                return level;
            }
            if (name.indexOf('.') < 0) {
                return "debug"; // the default level, as whoever debugs sets it
            }
        }
    }

    @Test
    void theLoggersThatQuoteRequestsAndResponsesStayQuietWithDebugOn() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/simplelogger.properties")) {
            assertNotNull(in, "simplelogger.properties on the class path");
            config.load(in);
        }
        for (String logger : new String[] {"org.eclipse.jetty.io.SocketChannelEndPoint", "org.eclipse.jetty.http.HttpParser",
                "org.eclipse.jetty.server.internal.HttpConnection", "org.eclipse.jetty.client.HttpClient", "org.apache.http.wire",
                "org.apache.hc.client5.http.wire"}) {
            assertEquals("info", level(config, logger), logger);
        }
        assertEquals("debug", level(config, "no.evidens.pipeline.web.ApiHandler"), "Evidens' own debug lines, which name no text");
    }
}

package no.evidens.solr;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This process as a marker names its writer: {@code pid@host}, so that an administrator who sees a document half-written
 * can find the ingestion that writes it (or wrote it) and tell whether it still runs.
 */
final class ThisProcess {
    private ThisProcess() {
    }

    /** {@code pid@host}; worked out once, when first asked (the host's name may take a look-up). */
    static String name() {
        return Holder.NAME;
    }

    private static final class Holder {
        static final String NAME = ProcessHandle.current().pid() + "@" + host();

        private static String host() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                // a machine whose own name does not resolve: the pid alone still helps on that machine
                return "unknown-host";
            }
        }
    }
}

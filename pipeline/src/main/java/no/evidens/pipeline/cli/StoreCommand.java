package no.evidens.pipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StoreMove;
import no.evidens.pipeline.store.StorePassword;
import no.evidens.pipeline.store.StoreServe;
import no.evidens.pipeline.store.StoreServer;
import no.evidens.pipeline.store.StoreTls;

/** {@code evidens store serve}: the findings store and the access database on a server that several Evidens processes share. */
@Command(name = "store", mixinStandardHelpOptions = true, subcommands = {StoreCommand.Serve.class, StoreCommand.MoveToServer.class},
        description = "The findings store and accounts on a store server (see: evidens store serve --help, evidens store move-to-server --help).")
final class StoreCommand extends CommandGroup {

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Run the store server: the findings store and the access database (accounts, sessions, roles) of every home "
                    + "that names it, in DIR. Homes point at it with 'store: tcp://HOST:PORT' in <home>/evidens.properties (or --store).",
                "The password is " + StorePassword.ENV + ", else DIR/" + StorePassword.FILE + " (written at the first start, readable "
                        + "by you only): give it to each home as " + StorePassword.ENV + " or <home>/" + StorePassword.FILE + ". It lets "
                        + "a home read and write rows, nothing more.",
                "The administrator's password is " + StorePassword.ADMIN_ENV + ", else DIR/" + StorePassword.ADMIN_FILE + " (written "
                        + "alike): keep it on this machine; a home's backup and move-to-server need it for the time they take. "
                        + "The server brings the databases' schema up to date as it starts.",
                "Beyond this machine (--bind) only with --tls: H2's protocol is not encrypted otherwise."})
    static final class Serve extends CliAction {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The folder that holds the databases.")
        Path dir;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + StoreServer.DEFAULT_PORT,
                description = "The TCP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
                description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another lets other "
                        + "machines connect, with the password.")
        String bind;

        @Option(names = "--tls", description = "Speak TLS only (H2's -tcpSSL); required with --bind beyond this machine. The first "
                + "start makes a certificate in DIR (" + StoreTls.KEYSTORE + ", owner-only) and writes it to DIR/" + StoreTls.CERTIFICATE
                + ": copy that to each home, which then names the server ssl://HOST:PORT.")
        boolean tls;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be a port (0-65535), was " + port);
            }
            Path abs = dir.toAbsolutePath().normalize();
            String password = StorePassword.forServer(System.getenv(), abs);
            String admin = StorePassword.adminForServer(System.getenv(), abs);
            StoreServe server = StoreServe.start(dir, port, bind, password, admin, tls);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                    say("Evidens store server for %s stopped", server.dir());
                } finally {
                    stopped.countDown();
                }
            }, "evidens-store-stop"));
            if (tls) {
                say("TLS certificate %s, SHA-256 %s: copy it to each home as %s (or put 'store-trust: sha256:%s' in its "
                        + "evidens.properties)", server.dir().resolve(StoreTls.CERTIFICATE), server.fingerprint(), StoreTls.CERTIFICATE,
                        server.fingerprint());
            }
            say("Evidens store server for %s on %s://%s:%d (the homes' password: %s; the administrator's, for this machine: %s)"
                    + "  (Ctrl-C stops it)", server.dir(), tls ? "ssl" : "tcp", bind, server.port(),
                    System.getenv(StorePassword.ENV) != null ? StorePassword.ENV : server.dir().resolve(StorePassword.FILE),
                    System.getenv(StorePassword.ADMIN_ENV) != null ? StorePassword.ADMIN_ENV : server.dir().resolve(StorePassword.ADMIN_FILE));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "move-to-server", mixinStandardHelpOptions = true,
            description = {"Move this home's findings store and accounts from its folders onto its store server (the 'store:' line "
                    + "or --store), which must hold no findings, trail or accounts yet. Stop the home's workspace first.",
                "The folders are kept as findings.moved and access.moved; the audit chain file stays and still confirms every entry."})
    static final class MoveToServer extends CliAction {
        @Mixin
        HomeOption home;

        @Override
        public Integer call() {
            StoreMove.Moved m = StoreMove.toServer(HomeStores.of(home.resolve()), java.time.Duration.ofSeconds(10));
            say("Moved %s to the store server %s", m.findings() && m.accounts() ? "the findings store and the accounts"
                    : m.findings() ? "the findings store" : "the accounts", m.server());
            String left = StorePassword.adminFileLeft(home.resolve().root());
            return left == null ? 0 : say("%s", left);
        }
    }
}

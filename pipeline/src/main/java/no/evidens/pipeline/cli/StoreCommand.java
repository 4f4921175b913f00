package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StoreKeystore;
import no.evidens.pipeline.store.StoreMove;
import no.evidens.pipeline.store.StorePassword;
import no.evidens.pipeline.store.StoreServe;
import no.evidens.pipeline.store.StoreServer;
import no.evidens.pipeline.store.StoreTls;
import no.evidens.pipeline.store.StoreTrust;

/** {@code evidens store serve}: the findings store and the access database on a server that several Evidens processes share. */
@Command(name = "store", mixinStandardHelpOptions = true, subcommands = {StoreCommand.Serve.class, StoreCommand.MoveToServer.class,
        StoreCommand.RenewCert.class, StoreCommand.Trust.class},
        description = "The findings store and accounts on a store server (see: evidens store serve --help, evidens store move-to-server --help,"
                + " evidens store renew-cert --help, evidens store trust --help).")
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

        @Option(names = "--tls", description = "Speak TLS only (the server's door, in front of H2); required with --bind beyond this machine. The first "
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
                Instant now = Instant.now();
                say("TLS certificate %s, SHA-256 %s, %s: copy it to each home as %s (or put 'store-trust: sha256:%s' in its "
                        + "evidens.properties)", server.dir().resolve(StoreTls.CERTIFICATE), server.fingerprint(), server.expiry().said(now),
                        StoreTls.CERTIFICATE, server.fingerprint());
                if (server.keystoreMigrated()) {
                    say("  %s now has a password of its own, in %s (owner-only): a change of the administrator's password no longer"
                            + " touches it", StoreTls.KEYSTORE, server.dir().resolve(StoreKeystore.PASSWORD_FILE));
                }
                if (server.expiry().nearing(now)) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.printf("evidens: warning: the store server's certificate ends on %s (in %d days); after that no home connects: make"
                            + " a new one with 'evidens store renew-cert --dir %s' and give it to each home ('evidens store trust')%n",
                            server.expiry().date(), server.expiry().daysLeft(now), server.dir());
                    err.flush();
                }
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

    @Command(name = "renew-cert", mixinStandardHelpOptions = true,
            description = {"Make a new key and certificate for the store server in DIR (its old keystore kept under a dated name, "
                    + "owner-only) and print the new certificate's fingerprint and what each home must do.",
                "Best with the server stopped. A running server goes on showing the old certificate until it is restarted: each home "
                        + "can take the new one beforehand with 'evidens store trust --keep-old' and goes on working across the restart."})
    static final class RenewCert extends CliAction {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The store server's folder.")
        Path dir;

        @Option(names = "--days", paramLabel = "N", defaultValue = "3650", description = "How long it is valid (default: ${DEFAULT-VALUE} days).")
        int days;

        @Override
        public Integer call() {
            Path abs = dir.toAbsolutePath().normalize();
            StoreKeystore.Renewed r = StoreKeystore.renew(abs, days);
            say("Made a new certificate for the store server in %s: %s, SHA-256 %s, %s", abs, abs.resolve(StoreTls.CERTIFICATE),
                    r.fingerprint(), r.expiry().said(Instant.now()));
            if (r.kept() != null) {
                say("  the old keystore is kept as %s (owner-only)%s", r.kept(), r.previousFingerprint() == null ? ""
                        : "; its certificate was SHA-256 " + r.previousFingerprint());
            }
            say(r.running() ? "  the store server is running on this folder: it shows the old certificate until it is restarted"
                    : "  the store server shows it from its next start ('evidens store serve --dir %s --tls')", abs);
            say("Each home that uses it: copy %s to it and run 'evidens store trust --home HOME --cert store-tls.crt' (or"
                    + " 'evidens store trust --home HOME --fingerprint sha256:%s'); with --keep-old it trusts the old one too until"
                    + " you run it again without, after the server's restart", abs.resolve(StoreTls.CERTIFICATE), r.fingerprint());
            return 0;
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = {"Make this home trust its store server's certificate (a new one, after 'evidens store renew-cert'): the file "
                    + "is checked and copied to <home>/store-tls.crt, or the fingerprint written in the 'store-trust:' line.",
                "Without --keep-old the home trusts this certificate and no other."})
    static final class Trust extends CliAction {
        @Mixin
        HomeOption home;

        @Option(names = "--cert", paramLabel = "FILE", description = "The store server's certificate (its store-tls.crt).")
        Path cert;

        @Option(names = "--fingerprint", paramLabel = "sha256:…", description = "Its SHA-256 fingerprint, as 'store renew-cert' printed it.")
        String fingerprint;

        @Option(names = "--keep-old", description = "Trust the certificate(s) trusted until now as well (while the server is restarted"
                + " with its new one); run again without it afterwards.")
        boolean keepOld;

        @Override
        public Integer call() {
            EvidensHome h = home.resolve();
            StoreTrust.Taken t = StoreTrust.take(h, cert == null ? null : cert.toAbsolutePath().normalize(), fingerprint, keepOld);
            say("This home (%s) now trusts the store server's certificate SHA-256 %s%s%s", h.root(), t.fingerprint(),
                    t.expiry() == null ? "" : ", " + t.expiry().said(Instant.now()),
                    t.copiedTo() == null ? " (its 'store-trust:' line)" : " (copied to " + t.copiedTo() + ")");
            if (!t.keptOld().isEmpty()) {
                say("  and still %s, until you run this again without --keep-old", String.join(", ", t.keptOld().stream()
                        .map(f -> "SHA-256 " + f).toList()));
            }
            StoreServer server = HomeStores.of(h).server();
            if (server != null && !server.tls()) {
                say("  its store server is %s, without TLS: the certificate counts once the 'store:' line says ssl://", server);
            }
            return 0;
        }
    }
}

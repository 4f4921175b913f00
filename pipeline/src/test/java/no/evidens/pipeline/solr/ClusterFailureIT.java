package no.evidens.pipeline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.fixture.SolrTestCluster;
import no.evidens.pipeline.ingest.KeptWorkers;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.web.Exposure;
import no.evidens.pipeline.web.WebConfig;
import no.evidens.pipeline.web.WebServer;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTarget;

/**
 * The archive when its cluster fails, as a user meets it: a collection that refuses writes (read-only) during an ingest
 * and an inbox bundle; the whole cluster gone for the web workspace, an upload and the inbox, and back; its ZooKeeper
 * gone under a server with sign-in, a team server started while it is gone, and back. A cluster of its own
 * (started once for the class, as {@code SolrCloudIT}'s): stopping and starting the nodes of the shared one left it
 * unfit for the tests after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailureIT {
    private static final String COLLECTION = "refusing";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "et langt passord";
    /** The setting a server reads for how often it looks at the uploads waiting for the index (README, SolrCloud). */
    private static final String UPLOAD_RETRY_SECONDS = "evidens.upload.retry-seconds";
    /** The setting of how long a new connection waits for ZooKeeper (README, SolrCloud). */
    private static final String ZK_CONNECT_SECONDS = "evidens.solr.zk-connect-seconds";
    /** The settings of how long a read keeps trying when no node answers, and waits for one node (README, SolrCloud). */
    private static final String READ_RETRY_SECONDS = "evidens.solr.read-retry-seconds";
    private static final String READ_ANSWER_SECONDS = "evidens.solr.read-answer-seconds";
    /** The setting of how long a look at the cluster is kept for the health check (README, SolrCloud). */
    private static final String HEALTH_KEPT_SECONDS = "evidens.solr.health-kept-seconds";
    private static SolrTestCluster cluster;
    /**
     * One Tika worker for the class's ingestions: its commands ({@code ingest}, {@code watch --once}) run as a user types
     * them, through the command line, but read with this worker instead of each starting its own (a JVM and Tika's classes,
     * 2–3 s of a bundle of two or four notes), as {@code evidens watch} and {@code evidens serve} keep one across their
     * bundles; the servers' uploads read with it as {@code serve}'s do. What the tests prove is the cluster's.
     */
    private static KeptWorkers workers;

    @TempDir
    static Path tmp;
    private static Path home;

    @BeforeAll
    static void collection() throws Exception {
        // the waiting uploads looked at every second instead of every 30: the tests wait for that look four times
        System.setProperty(UPLOAD_RETRY_SECONDS, "1");
        // a new connection gives ZooKeeper 5 s instead of SolrJ's 15 (2 s while the ZooKeeper test has it stopped)
        System.setProperty(ZK_CONNECT_SECONDS, "5");
        // a server's look at the cluster kept a second instead of 5: the health tests wait for a new look after each change
        System.setProperty(HEALTH_KEPT_SECONDS, "1");
        workers = new KeptWorkers();
        cluster = SolrTestCluster.startOwn();
        SolrSetup.init(SolrTarget.parse(cluster.address(COLLECTION)), 1, 2);
        home = homeOn("home", COLLECTION);
    }

    @AfterAll
    static void shutDown() {
        System.clearProperty(UPLOAD_RETRY_SECONDS);
        System.clearProperty(ZK_CONNECT_SECONDS);
        System.clearProperty(HEALTH_KEPT_SECONDS);
        try {
            workers.close();
        } finally {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void anIngestTheClusterRefusesIsNotSavedAndTheNextTakesUpExactlyThose() throws Exception {
        CliRun first = CliRun.inHome(workers, home, "ingest", bundle("forste", 2).toString(), "--case", "forste");
        assertEquals(0, first.code(), first.err());
        Path bundle = bundle("lager", 4);
        cluster.readOnly(COLLECTION, true);
        CliRun refused = CliRun.inHome(workers, home, "ingest", bundle.toString(), "--case", "lager", "--json");
        assertEquals(3, refused.code(), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
        JsonNode receipt = JSON.readTree(refused.out());
        assertEquals(4, receipt.get("counts").get("failed").asInt(), refused.out());
        for (JsonNode line : receipt.get("files")) {
            // the cluster's doing, not a full disk's, and said once
            assertEquals(Reason.NOT_SAVED_BY_CLUSTER.text(), line.get("reason").asText(), line.toString());
            // Solr's words (the collection is read-only; a core closed while the collection reloads for it)
            assertTrue(line.get("detail").asText().contains("Error from server"), line.toString());
        }
        cluster.readOnly(COLLECTION, false);
        CliRun again = CliRun.inHome(workers, home, "ingest", bundle.toString(), "--case", "lager", "--json");
        assertEquals(0, again.code(), again.err());
        JsonNode counts = JSON.readTree(again.out()).get("counts");
        assertEquals(List.of(4, 0, 0), List.of(counts.get("indexed").asInt(), counts.get("duplicate").asInt(),
                counts.get("failed").asInt()), again.out());
        CliRun found = CliRun.inHome(workers, home, "search", "saksbehandler", "--case", "lager", "--json");
        assertEquals(4, JSON.readTree(found.out()).get("total").asInt(), found.out());
    }

    @Test
    @Order(2)
    void theInboxKeepsABundleTheClusterRefusedUntilItTakesWrites() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("innboks"));
        zip(bundle("innboks-a", 2), inbox.resolve("innboks-a.zip"));
        cluster.readOnly(COLLECTION, true);
        CliRun refused = CliRun.inHome(workers, home, "watch", "--inbox", inbox.toString(), "--once");
        assertEquals(3, refused.code(), refused.out() + refused.err());
        assertTrue(Files.exists(inbox.resolve("innboks-a.zip")), "left in the inbox: " + refused.out());
        JsonNode waiting = JSON.readTree(home.resolve("inbox.json").toFile()).get("finished").get(0);
        assertEquals("waiting", waiting.get("status").asText(), waiting.toString());
        assertEquals("index-unreachable", waiting.get("errorCode").asText(), waiting.toString());
        cluster.readOnly(COLLECTION, false);
        CliRun taken = CliRun.inHome(workers, home, "watch", "--inbox", inbox.toString(), "--once");
        assertEquals(0, taken.code(), taken.out() + taken.err());
        assertTrue(Files.exists(inbox.resolve("done").resolve("innboks-a.zip")), taken.out());
    }

    /**
     * Both nodes stopped: the workspace answers a search 503 in Norwegian and the rest as before, the inbox keeps its
     * bundle; the nodes started again, the same server answers the search (no restart) and the inbox takes the bundle.
     */
    @Test
    @Order(3)
    void theWholeClusterGoneAndBack() throws Exception {
        // a read tries the nodes for 3 s instead of 10 when none answers: the server's first search waits for that (the
        // late server's warm-up for 5 s: wholeClusterGoneAndBack)
        System.setProperty(READ_RETRY_SECONDS, "3");
        try {
            wholeClusterGoneAndBack();
        } finally {
            System.clearProperty(READ_RETRY_SECONDS);
        }
    }

    private static void wholeClusterGoneAndBack() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("innboks-borte"));
        zip(bundle("innboks-b", 2), inbox.resolve("innboks-b.zip"));
        // a journal's passage shown earlier: the trail's page names its file, asked of the index
        new AuditService(new EvidensHome(home), Duration.ofSeconds(20)).record("testar", "show-passage", "lager", AuditEvent.PASSAGE,
                "lager/0123456789abcdef/1", "journal, søk");
        String uploadJob;
        try (WebServer web = WebServer.start(new EvidensHome(home), 0, "testar", WebServer.DEFAULT_MAX_UPLOAD, workers::ingestion)) {
            assertEquals(200, get(web, "/api/search?q=kvitteringsboks").statusCode());
            cluster.stopNode(0);
            cluster.stopNode(1);
            try {
                HttpResponse<String> down = get(web, "/api/search?q=kvitteringsboks");
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(JSON.readTree(down.body()).get("error").asText().startsWith("Søkeindeksen svarer ikke nå"), down.body());
                assertEquals("30", down.headers().firstValue("Retry-After").orElse(""));
                assertEquals(200, get(web, "/api/cases").statusCode(), "what needs no index is served");
                // the trail is in the home: read without the file names the index would give
                HttpResponse<String> trail = get(web, "/api/cases/lager/audit");
                assertEquals(200, trail.statusCode(), trail.body());
                JsonNode shown = null;
                for (JsonNode e : JSON.readTree(trail.body()).get("entries")) {
                    shown = "show-passage".equals(e.get("action").asText()) ? e : shown;
                }
                assertNotNull(shown, trail.body());
                assertEquals("lager/0123456789abcdef/1", shown.get("target").asText(), trail.body());
                assertTrue(shown.get("name").isNull(), trail.body());
                // a finding with its first quotation is one transaction: the passage cannot be read, so no finding
                HttpResponse<String> created = post(web, "/api/findings", "{\"case\":\"lager\",\"kind\":\"avvik\",\"title\":\"Uten kilde\","
                        + "\"evidence\":{\"passageId\":\"lager/0123456789abcdef/1\"}}");
                assertEquals(503, created.statusCode(), created.body());
                assertEquals(0, JSON.readTree(get(web, "/api/findings?case=lager").body()).size(), "no finding left without its quotation");
                // a server started now opens at once, and its warm-up says the cluster did not answer when it gives up; its
                // read tries for 5 s, well beyond the 2 s the start waits for the warm-up (a setting read as the server opens
                // its nodes: the late server's alone)
                System.setProperty(READ_RETRY_SECONDS, "5");
                WebServer opened;
                try {
                    opened = WebServer.start(new EvidensHome(home), 0, "testar");
                } finally {
                    System.setProperty(READ_RETRY_SECONDS, "3");
                }
                try (WebServer late = opened) {
                    assertFalse(late.warmup().isDone(), "started before its warm-up's search gave up (2 s against the read's 5 s)");
                    assertEquals(200, get(late, "/api/cases").statusCode());
                    assertNotNull(late.warmup().get(), "the warm-up met the cluster down");
                }
                CliRun gone = CliRun.inHome(workers, home, "watch", "--inbox", inbox.toString(), "--once");
                assertEquals(3, gone.code(), gone.out() + gone.err());
                assertTrue(Files.exists(inbox.resolve("innboks-b.zip")), "left in the inbox, not in failed/: " + gone.out());
                JsonNode waiting = JSON.readTree(home.resolve("inbox.json").toFile()).get("finished").get(0);
                assertEquals("index-unreachable", waiting.get("errorCode").asText(), waiting.toString());
                // an upload is kept and waits for the index, as the inbox's bundle does
                uploadJob = waitsForTheIndex(web.port(), null, "opplasting-b", false);
            } finally {
                cluster.startNode(0);
                cluster.startNode(1);
            }
            // The replicas come back in some seconds: the same server answers again by itself.
            HttpResponse<String> back = get(web, "/api/search?q=kvitteringsboks");
            for (int tries = 0; back.statusCode() == 503 && tries < 600; tries++) {
                Thread.sleep(100);
                back = get(web, "/api/search?q=kvitteringsboks");
            }
            assertEquals(200, back.statusCode(), back.body());
            goesOnByItself(web.port(), null, uploadJob, 2);
        }
        CliRun taken = CliRun.inHome(workers, home, "watch", "--inbox", inbox.toString(), "--once");
        assertEquals(0, taken.code(), taken.out() + taken.err());
        assertTrue(Files.exists(inbox.resolve("done").resolve("innboks-b.zip")), taken.out());
    }

    /**
     * ZooKeeper gone under a server with sign-in, its nodes still running: what needs no index works, and so do reads,
     * which the nodes answer without it; what needs a new connection to ZooKeeper (an ingestion: an upload, an inbox
     * bundle) waits for it rather than failing, and goes on by itself when it is back. A second server started meanwhile
     * opens, answers what needs the index 503, and connects by itself when ZooKeeper is back.
     */
    @Test
    @Order(4)
    void zooKeeperGoneUnderAServerWithSignInAndBack() throws Exception {
        try (AccessStore s = AccessStore.open(new EvidensHome(home).access())) {
            s.addUser("kari", PASSWORD.toCharArray(), true);
            s.addMember("lager", "kari", Role.LEAD, "test");
            s.addUser("ola", PASSWORD.toCharArray(), false);
            s.addMember("lager", "ola", Role.AUDITOR, "test");
        }
        Path inbox = Files.createDirectories(tmp.resolve("innboks-zk"));
        zip(bundle("innboks-zk", 2), inbox.resolve("innboks-zk.zip"));
        String uploadJob;
        String restartedJob;
        WebServer restarted = null;
        try (WebServer web = WebServer.start(new EvidensHome(home), WebConfig.defaults(0, 1 << 20), Exposure.signedIn(), "ignored",
                workers::ingestion)) {
            Member kari = Member.signIn(web.port(), "kari");
            HttpResponse<String> before = kari.send("GET", "/api/search?q=saksbehandler&case=lager", null, null);
            assertEquals(200, before.statusCode(), before.body());
            JsonNode hits = JSON.readTree(before.body()).get("hits");
            assertTrue(hits != null && hits.size() > 0, before.body());
            String passage = hits.get(0).get("passageId").asText();
            cluster.stopZooKeeper();
            // what connects anew while ZooKeeper is gone (the inbox's command, the server started meanwhile) gives it 2 s,
            // not 5: each of them waits that out; set back before ZooKeeper is started again
            System.setProperty(ZK_CONNECT_SECONDS, "2");
            try {
                Member ola = Member.signIn(web.port(), "ola");
                assertEquals(200, ola.send("GET", "/api/cases", null, null).statusCode());
                Member lead = Member.signIn(web.port(), "kari"); // the audit trail is the lead's to read
                for (String path : List.of("/api/cases", "/api/search?q=saksbehandler&case=lager", "/api/passage?id=" + passage,
                        "/api/overview?case=lager", "/api/findings?case=lager", "/api/history?case=lager",
                        "/api/cases/lager/audit")) {
                    HttpResponse<String> r = lead.send("GET", path, null, null);
                    assertEquals(200, r.statusCode(), path + ": " + r.body());
                }
                // the health names ZooKeeper, not "the index": what to fix, what still works
                JsonNode noZk = JSON.readTree(lead.send("GET", "/health", null, null).body());
                assertEquals(List.of("not answering", "DEGRADED", "zookeeper-unreachable"), List.of(noZk.get("index").asText(),
                        noZk.get("status").asText(), noZk.get("detail").get("code").asText()), noZk.toString());
                assertTrue(noZk.get("detail").get("text").asText().startsWith("ZooKeeper svarer ikke"), noZk.toString());
                HttpResponse<String> created = ola.send("POST", "/api/findings", "application/json", ("{\"case\":\"lager\",\"kind\":"
                        + "\"avvik\",\"title\":\"Uten ZooKeeper\",\"evidence\":{\"passageId\":\"" + passage + "\"}}").getBytes(StandardCharsets.UTF_8));
                assertEquals(201, created.statusCode(), created.body());
                assertEquals(1, JSON.readTree(created.body()).get("evidence").size(), "no finding without its quotation: " + created.body());
                HttpResponse<String> export = lead.send("GET", "/api/export?case=lager&format=md", null, null);
                assertEquals(200, export.statusCode(), export.body());
                assertTrue(export.body().contains("Uten ZooKeeper"), export.body());
                CliRun gone = CliRun.inHome(workers, home, "watch", "--inbox", inbox.toString(), "--once");
                assertTrue(Files.exists(inbox.resolve("innboks-zk.zip")), "left in the inbox, not in failed/: " + gone.out());
                assertEquals(3, gone.code(), gone.out() + gone.err());
                JsonNode waiting = JSON.readTree(home.resolve("inbox.json").toFile()).get("finished").get(0);
                assertEquals("index-unreachable", waiting.get("errorCode").asText(), waiting.toString());
                uploadJob = waitsForTheIndex(web.port(), kari, "opplasting-zk", false);
                // a team server (re)started now, on a home of its own beside the running one, opens all the same
                restarted = WebServer.start(new EvidensHome(secondHome()), WebConfig.defaults(0, 1 << 20), Exposure.signedIn(), "ignored",
                        workers::ingestion);
                restartedJob = startedWithoutZooKeeper(restarted, passage);
            } finally {
                System.setProperty(ZK_CONNECT_SECONDS, "5");
                cluster.startZooKeeper();
            }
            goesOnByItself(web.port(), kari, uploadJob, 2);
            assertEquals(200, kari.send("GET", "/api/search?q=saksbehandler&case=lager", null, null).statusCode());
            // the server started without ZooKeeper connects by itself: its search answers, its upload goes in, no restart
            Member lead = Member.signIn(restarted.port(), "kari");
            HttpResponse<String> back = lead.send("GET", "/api/search?q=saksbehandler&case=lager", null, null);
            for (int tries = 0; back.statusCode() == 503 && tries < 600; tries++) {
                Thread.sleep(100);
                back = lead.send("GET", "/api/search?q=saksbehandler&case=lager", null, null);
            }
            assertEquals(200, back.statusCode(), back.body());
            // UP once every replica is active again (a replica may still be recovering after ZooKeeper's return)
            JsonNode healthy = health(restarted.port(), "ok", Language.NB);
            assertEquals(List.of("ok", "UP"), List.of(healthy.get("index").asText(), healthy.get("status").asText()), healthy.toString());
            goesOnByItself(restarted.port(), lead, restartedJob, 2);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
        CliRun taken = CliRun.inHome(workers, home, "watch", "--inbox", inbox.toString(), "--once");
        assertEquals(0, taken.code(), taken.out() + taken.err());
        assertTrue(Files.exists(inbox.resolve("done").resolve("innboks-zk.zip")), taken.out());
    }

    /**
     * A node listed live in ZooKeeper that takes the connection and never answers (hung, not gone): the health names it,
     * says searches and ingestion still work, and is DEGRADED; {@code evidens solr status} says the same in English, exit 3.
     */
    @Test
    @Order(5)
    void aHungNodeListedLiveIsNamed() throws Exception {
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress());
             WebServer web = WebServer.start(new EvidensHome(home), 0, "testar")) {
            String hung = parts.addHungNode();
            JsonNode h = health(web.port(), "node-hung", Language.NB);
            assertEquals(List.of("ok", "DEGRADED", List.of(hung)), List.of(h.get("index").asText(), h.get("status").asText(),
                    strings(h.get("detail").get("nodes"))), h.toString());
            assertTrue(h.get("detail").get("text").asText().startsWith("Noden " + hung + " er registrert som levende, men svarer ikke innen 2 s."),
                    h.toString());
            JsonNode nn = health(web.port(), "node-hung", Language.NN);
            assertTrue(nn.get("detail").get("text").asText().startsWith("Noden " + hung + " er registrert som levande, men svarar ikkje"), nn.toString());
            CliRun status = CliRun.inHome(workers, home, "solr", "status");
            assertEquals(3, status.code(), status.out() + status.err());
            assertTrue(status.out().startsWith("SolrCloud " + cluster.address(COLLECTION) + ": node-hung\nNode " + hung
                    + " is listed live but does not answer within 2 s. Still works: searches and ingestion"), status.out());
            // a node listed live whose port refuses is down (its entry goes when its session expires), not hung: said first
            String down = parts.addRefusingNode();
            JsonNode d = health(web.port(), "node-down", Language.NB);
            assertEquals(List.of("ok", "DEGRADED", List.of(down)), List.of(d.get("index").asText(), d.get("status").asText(),
                    strings(d.get("detail").get("nodes"))), d.toString());
            assertTrue(d.get("detail").get("text").asText().startsWith("Noden " + down + " er registrert som levende, men avviser tilkoblinger"),
                    d.toString());
            assertTrue(health(web.port(), "node-down", Language.NN).get("detail").get("text").asText()
                    .startsWith("Noden " + down + " er registrert som levande, men avviser tilkoplingar"));
            CliRun downStatus = CliRun.inHome(workers, home, "solr", "status");
            assertEquals(3, downStatus.code(), downStatus.out() + downStatus.err());
            assertTrue(downStatus.out().startsWith("SolrCloud " + cluster.address(COLLECTION) + ": node-down\nNode " + down
                    + " is listed live but refuses connections"), downStatus.out());
            // a core whose searches hang while its node answers Solr's health request: core-stuck, the node and shard named
            ClusterParts.Replica stuck = parts.follower(COLLECTION);
            cluster.holdCore(stuck.core());
            try {
                JsonNode c = health(web.port(), "core-stuck", Language.NB);
                assertEquals(List.of("not answering", "DEGRADED", List.of(stuck.node()), List.of(stuck.shard())), List.of(c.get("index").asText(),
                        c.get("status").asText(), strings(c.get("detail").get("nodes")), strings(c.get("detail").get("shards"))), c.toString());
                assertTrue(c.get("detail").get("text").asText().startsWith("En kjerne på noden " + stuck.node() + " (shard " + stuck.shard()
                        + ") svarer ikke på søk innen 2 s, selv om noden svarer."), c.toString());
                assertTrue(health(web.port(), "core-stuck", Language.NN).get("detail").get("text").asText().startsWith("Ein kjerne på noden"));
                CliRun stuckStatus = CliRun.inHome(workers, home, "solr", "status", "--json");
                assertEquals(3, stuckStatus.code(), stuckStatus.out() + stuckStatus.err());
                assertEquals("core-stuck", JSON.readTree(stuckStatus.out()).get("code").asText(), stuckStatus.out());
            } finally {
                cluster.releaseCores();
            }
        }
    }

    /**
     * Every command is a process of its own, and one started with the first live node, so a hung node that sorts first cost
     * every command its time-out (20 s for a search; 5 s here). The first command meets it (the hung node takes its
     * connection) and notes it in the home; the next ones pass it over (it takes none of theirs), with the same hits.
     */
    @Test
    @Order(6)
    void aHungNodeCostsOneCommandItsTimeOutNotEveryCommand() throws Exception {
        Path aside = home.resolve(IndexBackend.NODES_ASIDE);
        Files.deleteIfExists(aside);
        // a node's answer to a read waited for 5 s instead of 20: the first command waits for it once
        System.setProperty(READ_ANSWER_SECONDS, "5");
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress())) {
            String hung = parts.addHungNodeFirst();
            assertEquals(hung, parts.liveNodes().get(0), "the hung node sorts first: " + parts.liveNodes());
            long start = System.nanoTime();
            CliRun first = CliRun.inHome(workers, home, "search", "saksbehandler", "--case", "lager", "--json");
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, first.code(), first.err());
            int asked = parts.hungConnections();
            assertTrue(asked > 0, "the first command asked the hung node");
            assertTrue(firstMs >= 5_000, "the first command waited for the hung node: " + firstMs + " ms");
            assertTrue(Files.readString(aside).contains(hung.substring(0, hung.indexOf('_'))), Files.readString(aside));
            for (int command = 0; command < 2; command++) {
                CliRun next = CliRun.inHome(workers, home, "search", "saksbehandler", "--case", "lager", "--json");
                assertEquals(0, next.code(), next.err());
                assertEquals(JSON.readTree(first.out()).get("total"), JSON.readTree(next.out()).get("total"), next.out());
                assertEquals(asked, parts.hungConnections(), "the next command did not ask the hung node");
            }
        } finally {
            System.clearProperty(READ_ANSWER_SECONDS);
        }
    }

    /** A collection deleted under a running server (which had found it): the health says it is missing and what to run. */
    @Test
    @Order(7)
    void aCollectionDeletedUnderARunningServerIsSaidMissing() throws Exception {
        Path gone = homeOn("home-kortlevd", "kortlevd");
        SolrSetup.init(SolrTarget.parse(cluster.address("kortlevd")), 1, 1);
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress());
             WebServer web = WebServer.start(new EvidensHome(gone), 0, "testar")) {
            assertEquals("UP", health(web.port(), "ok", Language.NB).get("status").asText());
            parts.deleteCollection("kortlevd");
            JsonNode h = health(web.port(), "collection-missing", Language.NB);
            assertEquals(List.of("none yet", "DEGRADED"), List.of(h.get("index").asText(), h.get("status").asText()), h.toString());
            assertTrue(h.get("detail").get("text").asText().contains("kjør «evidens solr init» mot klyngen"), h.toString());
        }
        CliRun status = CliRun.inHome(workers, gone, "solr", "status", "--json");
        assertEquals(3, status.code(), status.out() + status.err());
        assertEquals("collection-missing", JSON.readTree(status.out()).get("code").asText(), status.out());
    }

    /**
     * One node of two stopped: the collection with a replica of its one shard on each node is served by the other (replicas
     * down, the stopped node named, searches and ingestion work); the collection with one replica of each of two shards has
     * lost a shard (no leader: not answering). The class's last test: the node is not started again.
     */
    @Test
    @Order(8)
    void aNodeStoppedLeavesReplicasDownHereAndAShardWithoutLeaderThere() throws Exception {
        Path halved = homeOn("home-halvert", "halvert");
        SolrSetup.init(SolrTarget.parse(cluster.address("halvert")), 2, 1);
        try (ClusterParts parts = new ClusterParts(cluster.zkAddress());
             WebServer both = WebServer.start(new EvidensHome(home), 0, "testar");
             WebServer half = WebServer.start(new EvidensHome(halved), 0, "testar")) {
            List<String> before = parts.liveNodes();
            cluster.stopNode(1);
            List<String> stopped = new java.util.ArrayList<>(before);
            stopped.removeAll(parts.liveNodes());
            assertEquals(1, stopped.size(), before + " then " + parts.liveNodes());
            JsonNode served = health(both.port(), "replicas-down", Language.NB);
            assertEquals(List.of("ok", "DEGRADED", stopped), List.of(served.get("index").asText(), served.get("status").asText(),
                    strings(served.get("detail").get("nodes"))), served.toString());
            assertTrue(served.get("detail").get("text").asText().contains("søk og innlesing virker"), served.toString());
            // the default placement puts the two shards on the two nodes: the stopped node took one of them with it
            JsonNode lost = health(half.port(), "shard-without-leader", Language.NB);
            assertEquals(List.of("not answering", "DEGRADED", stopped), List.of(lost.get("index").asText(), lost.get("status").asText(),
                    strings(lost.get("detail").get("nodes"))), lost.toString());
            assertEquals(1, lost.get("detail").get("shards").size(), lost.toString());
            String shard = lost.get("detail").get("shards").get(0).asText();
            // an upload now waits at once, in the look's words (it used to start and wait on its first write)
            Path zip = tmp.resolve("halvert.zip");
            zip(bundle("halvert", 2), zip);
            HttpResponse<String> up = Member.local(half.port()).send("POST", "/api/ingest?case=halv&name=halvert.zip", "application/zip",
                    Files.readAllBytes(zip));
            assertEquals(202, up.statusCode(), up.body());
            JsonNode job = JSON.readTree(up.body());
            assertEquals("waiting", job.get("state").asText(), "kept waiting at once, not started: " + up.body());
            assertTrue(job.get("waiting").asText().startsWith("Shard " + shard + " i søkeindeksen har ingen leder som svarer nå (noder: "
                    + stopped.get(0) + ")"), up.body());
            // a command is refused at the door, in English, with its own exit code, before it reads the bundle
            long t0 = System.nanoTime();
            CliRun ingest = CliRun.inHome(workers, halved, "ingest", bundle("halvert", 2).toString(), "--case", "halv");
            assertEquals(4, ingest.code(), ingest.out() + ingest.err());
            assertTrue(ingest.err().startsWith("evidens: SolrCloud " + cluster.address("halvert") + " cannot take a bundle now"
                    + " (shard-without-leader): Shard " + shard + " has no active leader"), ingest.err());
            assertTrue((System.nanoTime() - t0) / 1_000_000_000 < 30, "said at once, not after the write's minute");
            CliRun status = CliRun.inHome(workers, home, "solr", "status", "--json");
            assertEquals(3, status.code(), status.out() + status.err());
            assertEquals("replicas-down", JSON.readTree(status.out()).get("code").asText(), status.out());
        }
    }

    /**
     * {@code /health} of the server at {@code port} in {@code language}, asked again (a look is kept 1 s here) until its detail
     * says {@code code} or 60 s have passed; the answer is 200 throughout (a degraded server stays in rotation).
     */
    private static JsonNode health(int port, String code, Language language) throws Exception {
        JsonNode h = null;
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .header("Accept-Language", language.code()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());
            h = JSON.readTree(r.body());
            if (h.has("detail") && code.equals(h.get("detail").get("code").asText())) {
                return h;
            }
            Thread.sleep(200);
        }
        assertEquals(code, h.has("detail") ? h.get("detail").get("code").asText() : null, h.toString());
        return h;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A home (a folder of the class's) whose index is the test cluster's {@code collection}. */
    private static Path homeOn(String folder, String collection) throws IOException {
        Path h = Files.createDirectories(tmp.resolve(folder));
        Files.writeString(h.resolve(IndexBackend.SETTINGS), "solr: " + cluster.address(collection) + "\n");
        return h;
    }

    /** A second home on the class's collection, with {@code kari} as the lead of {@code lager}. */
    private static Path secondHome() throws Exception {
        Path second = homeOn("home-2", COLLECTION);
        try (AccessStore s = AccessStore.open(new EvidensHome(second).access())) {
            s.addUser("kari", PASSWORD.toCharArray(), true);
            s.addMember("lager", "kari", Role.LEAD, "test");
        }
        return second;
    }

    /**
     * A team server started while ZooKeeper cannot be reached: sign-in, the cases, the findings, their history, the export
     * and the audit trail work from the home; a search, a passage, the overview and a quotation attached answer 503 to try
     * again, in Norwegian; an upload waits. Its job's id.
     */
    private static String startedWithoutZooKeeper(WebServer server, String passage) throws Exception {
        assertNotNull(server.warmup().get(), "the warm-up met the index unreachable");
        Member lead = Member.signIn(server.port(), "kari");
        HttpResponse<String> created = lead.send("POST", "/api/findings", "application/json",
                "{\"case\":\"lager\",\"kind\":\"avvik\",\"title\":\"Startet uten ZooKeeper\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        String ref = JSON.readTree(created.body()).get("ref").asText();
        for (String path : List.of("/api/cases", "/api/findings?case=lager", "/api/history?case=lager", "/api/cases/lager/audit")) {
            HttpResponse<String> r = lead.send("GET", path, null, null);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
        }
        HttpResponse<String> export = lead.send("GET", "/api/export?case=lager&format=md", null, null);
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.body().contains("Startet uten ZooKeeper"), export.body());
        List<HttpResponse<String>> refused = new java.util.ArrayList<>();
        for (String path : List.of("/api/search?q=saksbehandler&case=lager", "/api/passage?id=" + passage, "/api/overview?case=lager")) {
            refused.add(lead.send("GET", path, null, null));
        }
        refused.add(lead.send("POST", "/api/findings/lager/" + ref + "/evidence", "application/json",
                ("{\"passageId\":\"" + passage + "\"}").getBytes(StandardCharsets.UTF_8)));
        for (HttpResponse<String> r : refused) {
            assertEquals(503, r.statusCode(), r.uri() + ": " + r.body());
            assertEquals("30", r.headers().firstValue("Retry-After").orElse(""), r.uri().toString());
            assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("Søkeindeksen svarer ikke nå"), r.body());
        }
        // the health says the truth: the index does not answer, but the server serves its users (kept in rotation)
        HttpResponse<String> health = lead.send("GET", "/health", null, null);
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("not answering", JSON.readTree(health.body()).get("index").asText(), health.body());
        assertEquals("DEGRADED", JSON.readTree(health.body()).get("status").asText(), health.body());
        assertEquals("zookeeper-unreachable", JSON.readTree(health.body()).get("detail").get("code").asText(), health.body());
        return waitsForTheIndex(server.port(), lead, "opplasting-uten-zk", true);
    }

    /**
     * Uploads a bundle of two notes into the case {@code lager}; its job waits for the index: its id. {@code atOnce}: the
     * server knows its index cannot be written (ZooKeeper never reached), so the upload's own answer says waiting.
     */
    private static String waitsForTheIndex(int port, Member member, String name, boolean atOnce) throws Exception {
        Path zip = tmp.resolve(name + ".zip");
        zip(bundle(name, 2), zip);
        Member who = member == null ? Member.local(port) : member;
        HttpResponse<String> up = who.send("POST", "/api/ingest?case=lager&name=" + name + ".zip", "application/zip", Files.readAllBytes(zip));
        assertEquals(202, up.statusCode(), up.body());
        String id = JSON.readTree(up.body()).get("id").asText();
        JsonNode job = JSON.readTree(up.body());
        if (atOnce) {
            assertEquals("waiting", job.get("state").asText(), "kept waiting at once, not tried first: " + up.body());
        }
        // the ingestion's first read gives up after 10 s, a new connection to ZooKeeper after 15 s (5 s here)
        for (int i = 0; i < 1_200 && "running".equals(job.get("state").asText()); i++) {
            Thread.sleep(100);
            job = JSON.readTree(who.send("GET", "/api/ingest/" + id, null, null).body());
        }
        assertEquals("waiting", job.get("state").asText(), job.toString());
        assertTrue(job.get("error").isNull(), job.toString());
        assertTrue(job.get("waiting").asText().startsWith("Søkeindeksen svarer ikke nå"), job.toString());
        assertTrue(job.get("waiting").asText().contains("leses inn av seg selv"), job.toString());
        return id;
    }

    /** The waiting job is ingested by itself once the index is back (looked at every second here, 30 s by default). */
    private static void goesOnByItself(int port, Member member, String id, int files) throws Exception {
        Member who = member == null ? Member.local(port) : member;
        JsonNode job = JSON.readTree(who.send("GET", "/api/ingest/" + id, null, null).body());
        for (int i = 0; i < 1_800 && !"done".equals(job.get("state").asText()); i++) {
            Thread.sleep(100);
            job = JSON.readTree(who.send("GET", "/api/ingest/" + id, null, null).body());
        }
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals(files, job.get("receipt").get("counts").get("indexed").asInt(), job.toString());
    }

    /** Requests of one user: signed in (its cookie and token), or the one-person server's. */
    private record Member(int port, HttpClient http, String token) {
        static Member signIn(int port, String user) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            Member anonymous = new Member(port, http, null);
            HttpResponse<String> in = anonymous.send("POST", "/api/signin", "application/json",
                    ("{\"user\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, in.statusCode(), in.body());
            return new Member(port, http, JSON.readTree(anonymous.send("GET", "/api/session", null, null).body()).get("token").asText());
        }

        static Member local(int port) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            return new Member(port, http, JSON.readTree(new Member(port, http, null).send("GET", "/api/session", null, null).body())
                    .get("token").asText());
        }

        HttpResponse<String> send(String method, String path, String type, byte[] body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "nb")
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                b.header(WebServer.TOKEN_HEADER, token);
            }
            if (type != null) {
                b.header("Content-Type", type);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private static HttpResponse<String> post(WebServer web, String path, String json) throws Exception {
        String token = JSON.readTree(get(web, "/api/session").body()).get("token").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                .header("Accept-Language", "nb").header("Content-Type", "application/json").header(WebServer.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(WebServer web, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                .header("Accept-Language", "nb").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A folder of {@code n} short notes, each its own words (none the same bytes as another). */
    private static Path bundle(String name, int n) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bunter").resolve(name));
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve("notat-" + i + ".txt"), "Notat " + name + " " + i
                    + ". Kvitteringsboksen ble kontrollert av saksbehandler.\n", StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static void zip(Path folder, Path zip) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }
}

package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexHealth;
import no.evidens.solr.SolrSetup;
import no.evidens.solr.SolrTextUpgrade;

/** {@code solr init}'s line counts shards, replicas and nodes in plain English: one shard, two shards. */
class SolrCommandTest {
    @Test
    void oneOfEachIsSingular() {
        assertEquals("config set 'evidens' uploaded; collection 'evidens' created with 1 shard × 1 replica, routed by case (1 live node)",
                SolrCommand.Init.said(new SolrSetup.Outcome("evidens", "evidens", true, 1, 1, List.of("a:8983_solr"))));
        assertEquals("config set 'evidens' uploaded; collection 'arkiv' created with 2 shards × 2 replicas, routed by case (2 live nodes)",
                SolrCommand.Init.said(new SolrSetup.Outcome("evidens", "arkiv", true, 2, 2, List.of("a:8983_solr", "b:8983_solr"))));
        assertEquals("config set 'evidens' uploaded; collection 'evidens' already there (kept, reloaded with the new config set) (2 live nodes)",
                SolrCommand.Init.said(new SolrSetup.Outcome("evidens", "evidens", false, 2, 2, List.of("a:8983_solr", "b:8983_solr"))));
    }

    /** {@code solr status} says in English what fails, what still works and what to do, naming the nodes and shards. */
    @Test
    void theStatusSaysWhatFailsWhatWorksAndWhatToDo() {
        assertEquals("Shard shard2 has no active leader on a node that answers (nodes: b:8983_solr). Still works: sign-in, cases, findings,"
                + " exports and the audit trail. Fails: writes to those shards (uploads wait), and searches while no other replica of the"
                + " shard is active. To do: start the nodes again; if no replica comes back, have the cluster elect a new leader"
                + " (Collections API: FORCELEADER).", SolrCommand.Status.said(new IndexHealth(IndexHealth.State.SHARD_WITHOUT_LEADER,
                        List.of("b:8983_solr"), List.of("shard2"), 2_000)));
        for (IndexHealth.State s : IndexHealth.State.values()) {
            String said = SolrCommand.Status.said(IndexHealth.of(s, 2_000));
            assertTrue(s == IndexHealth.State.OK || said.contains("To do: "), s + ": " + said);
        }
    }

    /** {@code solr upgrade-text}'s line: what it looked at, did and left, and the refused named apart. */
    @Test
    void theUpgradeSaysWhatItDidAndWhatItLeft() {
        assertEquals("252 documents looked at: 51 upgraded into pieces (53 pieces, 162500 characters), 201 already in pieces",
                SolrCommand.UpgradeText.said(new SolrTextUpgrade.Outcome(252, 201, 51, 53, 162_500, List.of())));
        assertEquals("3 documents looked at: 1 upgraded into pieces (1 piece, 40 characters), 1 already in pieces, 1 refused by Solr"
                + " (left as they were; see below)", SolrCommand.UpgradeText.said(new SolrTextUpgrade.Outcome(3, 1, 1, 1, 40,
                        List.of("s/d: too large"))));
    }
}

package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * How long a new connection waits for ZooKeeper: SolrJ's own wait, or the seconds the operator set; how long a read
 * keeps trying and waits for one node, and how long a look at the cluster is kept: the product's while, or the seconds
 * set; and how many entries one answer of a list holds.
 */
class ZkConnectSettingTest {
    @Test
    void wholeSecondsOverZeroSetTheWait() {
        assertEquals(OptionalInt.of(5_000), SolrNodes.secondsSetting("5"));
        assertEquals(OptionalInt.of(60_000), SolrNodes.secondsSetting(" 60 "));
    }

    @Test
    void anythingElseLeavesSolrJsOwnWait() {
        for (String setting : new String[] {null, "", "0", "-1", "fem", "2.5", "99999999999"}) {
            assertEquals(OptionalInt.empty(), SolrNodes.secondsSetting(setting), "setting " + setting);
        }
    }

    @Test
    void aReadsWhileAndANodesAnswerAreTheProductsUnlessSet() {
        assertEquals(SolrNodes.READS, SolrNodes.reads(null, null));
        assertEquals(SolrNodes.READS, SolrNodes.reads("0", "fem"));
        assertEquals(new SolrNodes.Patience(10_000, 20_000), SolrNodes.READS);
        assertEquals(new SolrNodes.Patience(4_000, 20_000), SolrNodes.reads("4", null));
        assertEquals(new SolrNodes.Patience(10_000, 3_000), SolrNodes.reads(null, "3"));
        assertEquals(new SolrNodes.Patience(2_000, 6_000), SolrNodes.reads(" 2", "6 "));
    }

    @Test
    void aLookIsKeptTheProductsWhileUnlessSet() {
        assertEquals(5_000, ClusterHealth.keptMs(null));
        assertEquals(5_000, ClusterHealth.keptMs("0"));
        assertEquals(5_000, ClusterHealth.keptMs("en"));
        assertEquals(1_000, ClusterHealth.keptMs("1"));
        assertEquals(30_000, ClusterHealth.keptMs(" 30 "));
    }

    @Test
    void aListsAnswerHoldsTheProductsTenThousandUnlessSet() {
        for (String setting : new String[] {null, "", "0", "-5", "tusen", "2.5", "99999999999"}) {
            assertEquals(10_000, SolrPages.rows(setting), "setting " + setting);
        }
        assertEquals(1_000, SolrPages.rows("1000"));
        assertEquals(250, SolrPages.rows(" 250 "));
    }
}

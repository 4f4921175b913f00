package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** How long a new connection waits for ZooKeeper: SolrJ's own wait, or the seconds the operator set. */
class ZkConnectSettingTest {
    @Test
    void wholeSecondsOverZeroSetTheWait() {
        assertEquals(OptionalInt.of(5_000), SolrNodes.zkConnectMillis("5"));
        assertEquals(OptionalInt.of(60_000), SolrNodes.zkConnectMillis(" 60 "));
    }

    @Test
    void anythingElseLeavesSolrJsOwnWait() {
        for (String setting : new String[] {null, "", "0", "-1", "fem", "2.5", "99999999999"}) {
            assertEquals(OptionalInt.empty(), SolrNodes.zkConnectMillis(setting), "setting " + setting);
        }
    }
}

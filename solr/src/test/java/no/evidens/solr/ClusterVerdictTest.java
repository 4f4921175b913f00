package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexHealth;
import no.evidens.index.IndexHealth.State;
import no.evidens.solr.ClusterVerdict.Copy;
import no.evidens.solr.ClusterVerdict.Shard;

/** Which part of a cluster fails, told apart from the shards' replicas, the live nodes and the nodes that answered. */
class ClusterVerdictTest {
    private static final String A = "10.0.0.1:8983_solr";
    private static final String B = "10.0.0.2:8983_solr";
    private static final String C = "10.0.0.3:8983_solr";
    private static final long BOUND = 2_000;

    /** Two shards, each led on one node with a second replica on another: shard1 led on A, shard2 led on B. */
    private static List<Shard> twoShards(boolean aActive, boolean bActive, boolean cActive) {
        return List.of(new Shard("shard1", List.of(new Copy(A, aActive, true), new Copy(C, cActive, false))),
                new Shard("shard2", List.of(new Copy(B, bActive, true), new Copy(C, cActive, false))));
    }

    @Test
    void everyShardLedAndEveryReplicaActiveIsOk() {
        IndexHealth h = ClusterVerdict.judge(twoShards(true, true, true), Set.of(A, B, C), Set.of(A, B, C), BOUND);
        assertEquals(IndexHealth.of(State.OK, BOUND), h);
    }

    @Test
    void aNodeDownWithReplicasServedElsewhereIsReplicasDownNamingIt() {
        IndexHealth h = ClusterVerdict.judge(twoShards(true, true, false), Set.of(A, B), Set.of(A, B), BOUND);
        assertEquals(new IndexHealth(State.REPLICAS_DOWN, List.of(C), List.of(), BOUND), h);
        assertEquals(true, h.state().serves());
    }

    @Test
    void aShardWhoseOnlyLeaderIsDownIsAShardWithoutLeader() {
        IndexHealth h = ClusterVerdict.judge(twoShards(true, false, true), Set.of(A, C), Set.of(A, C), BOUND);
        assertEquals(new IndexHealth(State.SHARD_WITHOUT_LEADER, List.of(B), List.of("shard2"), BOUND), h);
        assertEquals(false, h.state().serves());
    }

    @Test
    void aLiveNodeThatDoesNotAnswerIsHungWhenEveryShardIsLedElsewhere() {
        IndexHealth h = ClusterVerdict.judge(twoShards(true, true, true), Set.of(A, B, C), Set.of(A, B), BOUND);
        assertEquals(new IndexHealth(State.NODE_HUNG, List.of(C), List.of(), BOUND), h);
    }

    @Test
    void aLeaderOnAHungNodeLeavesItsShardWithoutALeaderThatAnswers() {
        IndexHealth h = ClusterVerdict.judge(twoShards(true, true, true), Set.of(A, B, C), Set.of(B, C), BOUND);
        assertEquals(new IndexHealth(State.SHARD_WITHOUT_LEADER, List.of(A), List.of("shard1"), BOUND), h);
    }

    @Test
    void noLiveNodeIsSaidSoWhateverTheShards() {
        assertEquals(State.NO_LIVE_NODE, ClusterVerdict.judge(twoShards(false, false, false), Set.of(), Set.of(), BOUND).state());
    }

    /** The same two shards with each replica's core named: shard1's leader core a1 on A, c1 on C; shard2's b2 on B, c2 on C. */
    private static List<Shard> twoShardsWithCores() {
        return List.of(new Shard("shard1", List.of(new Copy(A, "a1", true, true), new Copy(C, "c1", true, false))),
                new Shard("shard2", List.of(new Copy(B, "b2", true, true), new Copy(C, "c2", true, false))));
    }

    @Test
    void aLiveNodeThatRefusesTheConnectionIsDownNotHung() {
        ClusterVerdict.Answers heard = new ClusterVerdict.Answers(Set.of(A, B), Set.of(C), Set.of());
        IndexHealth h = ClusterVerdict.judge(twoShards(true, true, true), Set.of(A, B, C), heard, BOUND);
        assertEquals(new IndexHealth(State.NODE_DOWN, List.of(C), List.of(), BOUND), h);
        assertEquals(true, h.state().serves());
        assertEquals(false, h.state().holdsWrites());
        // one refusing and one hanging: the node that is down is said first, it is the surer
        ClusterVerdict.Answers both = new ClusterVerdict.Answers(Set.of(A), Set.of(C), Set.of());
        List<Shard> ledOnA = List.of(new Shard("shard1", List.of(new Copy(A, true, true), new Copy(B, true, false), new Copy(C, true, false))));
        assertEquals(new IndexHealth(State.NODE_DOWN, List.of(C), List.of(), BOUND), ClusterVerdict.judge(ledOnA, Set.of(A, B, C), both, BOUND));
    }

    @Test
    void aLeaderOnARefusingNodeLeavesItsShardWithoutALeader() {
        ClusterVerdict.Answers heard = new ClusterVerdict.Answers(Set.of(B, C), Set.of(A), Set.of());
        assertEquals(new IndexHealth(State.SHARD_WITHOUT_LEADER, List.of(A), List.of("shard1"), BOUND),
                ClusterVerdict.judge(twoShards(true, true, true), Set.of(A, B, C), heard, BOUND));
    }

    /** Recorded answers: every node answered Solr's health request, but core c2's own search did not answer in time. */
    @Test
    void aCoreThatDoesNotAnswerASearchOnANodeThatAnswersIsStuck() {
        ClusterVerdict.Answers heard = new ClusterVerdict.Answers(Set.of(A, B, C), Set.of(), Set.of("c2"));
        IndexHealth h = ClusterVerdict.judge(twoShardsWithCores(), Set.of(A, B, C), heard, BOUND);
        assertEquals(new IndexHealth(State.CORE_STUCK, List.of(C), List.of("shard2"), BOUND), h);
        assertEquals(true, h.state().holdsWrites(), "writes to its shard reach the core: an upload waits");
        assertEquals("core-stuck", h.state().code());
    }

    @Test
    void aStuckLeaderCoreIsSaidStuckNotLeaderless() {
        ClusterVerdict.Answers heard = new ClusterVerdict.Answers(Set.of(A, B, C), Set.of(), Set.of("a1"));
        assertEquals(new IndexHealth(State.CORE_STUCK, List.of(A), List.of("shard1"), BOUND),
                ClusterVerdict.judge(twoShardsWithCores(), Set.of(A, B, C), heard, BOUND));
    }

    @Test
    void aShardWithoutLeaderOutranksACoreStuckElsewhere() {
        ClusterVerdict.Answers heard = new ClusterVerdict.Answers(Set.of(A, C), Set.of(), Set.of("c1"));
        assertEquals(new IndexHealth(State.SHARD_WITHOUT_LEADER, List.of(B), List.of("shard2"), BOUND),
                ClusterVerdict.judge(twoShardsWithCores(), Set.of(A, C), heard, BOUND));
    }

    /** A core on a node that does not answer at all is the node's trouble, not the core's: the node is named hung. */
    @Test
    void aCoreOnAHungNodeIsNotCountedStuck() {
        ClusterVerdict.Answers heard = new ClusterVerdict.Answers(Set.of(A, B), Set.of(), Set.of("c1", "c2"));
        assertEquals(new IndexHealth(State.NODE_HUNG, List.of(C), List.of(), BOUND),
                ClusterVerdict.judge(twoShardsWithCores(), Set.of(A, B, C), heard, BOUND));
    }

    @Test
    void theStatesCodesAreOperatorsWords() {
        assertEquals("shard-without-leader", State.SHARD_WITHOUT_LEADER.code());
        assertEquals("zookeeper-unreachable", State.ZOOKEEPER_UNREACHABLE.code());
    }
}

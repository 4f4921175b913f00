package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import no.evidens.index.IndexUnreachableException;

/** What {@code serve} says after its address about a search index that did not answer its warm-up. */
class IndexNoticeTest {
    private static final String DOWN = "SolrCloud at zk:2181/solr#evidens did not answer for 10 s: no live Solr node";

    @Test
    void anIndexThatAnsweredBeforeTheAddressIsNotMentioned() {
        StringWriter err = new StringWriter();
        IndexNotice.follow(CompletableFuture.completedFuture(null), new PrintWriter(err));
        assertEquals("", err.toString());
    }

    @Test
    void anIndexFoundDownBeforeTheAddressIsSaidAtOnceWithWhatWorksMeanwhile() {
        StringWriter err = new StringWriter();
        IndexNotice.follow(CompletableFuture.completedFuture(unreachable()), new PrintWriter(err));
        assertEquals(List.of("evidens: warning: " + DOWN + IndexNotice.MEANWHILE), err.toString().lines().toList());
    }

    @Test
    void anIndexStillWaitedForIsSaidNotYetThenHowItEnded() {
        StringWriter err = new StringWriter();
        CompletableFuture<IndexUnreachableException> down = new CompletableFuture<>();
        IndexNotice.follow(down, new PrintWriter(err));
        assertEquals(List.of(IndexNotice.NOT_YET), err.toString().lines().toList(), "said as the address is printed");
        down.complete(unreachable());
        assertEquals(List.of(IndexNotice.NOT_YET, "evidens: warning: " + DOWN + IndexNotice.MEANWHILE), err.toString().lines().toList());

        StringWriter later = new StringWriter();
        CompletableFuture<IndexUnreachableException> slow = new CompletableFuture<>();
        IndexNotice.follow(slow, new PrintWriter(later));
        slow.complete(null);
        assertEquals(List.of(IndexNotice.NOT_YET, IndexNotice.ANSWERS), later.toString().lines().toList());
    }

    private static IndexUnreachableException unreachable() {
        return new IndexUnreachableException(DOWN, new IOException("no live Solr node"));
    }
}

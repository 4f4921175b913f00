package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.solr.SolrSetup;

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
}

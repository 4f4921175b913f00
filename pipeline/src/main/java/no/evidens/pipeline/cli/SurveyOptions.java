package no.evidens.pipeline.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.findings.SearcherSource;
import no.evidens.pipeline.group.GroupService;

/** What every {@code survey} command has: the home folder and who is working. */
final class SurveyOptions {
    @Mixin
    HomeOption home;

    @Option(names = "--user", paramLabel = "NAME", description = "Who acts, for the audit trail: who changes a group, chooses a quotation or exports the report (default: $USER).")
    String user;

    String user() {
        return FindingsOptions.user(user);
    }

    EvidensHome evidensHome() {
        return home.resolve();
    }

    /** The groups of the home folder, the index opened for each call that reads it. */
    GroupService service() {
        EvidensHome h = evidensHome();
        return new GroupService(h, SearcherSource.opening(IndexBackend.of(h)), FindingsOptions.service(h), FindingStore.DEFAULT_LOCK_WAIT);
    }
}

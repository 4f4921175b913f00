package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.corpus.NationwideSet;
import no.evidens.findings.CaseGroups;
import no.evidens.models.Municipalities;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.group.GroupService;
import no.evidens.pipeline.group.NationwideDemo;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * {@code evidens survey …}: a nationwide audit, a group of cases audited together. The command line acts for
 * the whole home (it sees every case).
 */
@Command(name = "survey", mixinStandardHelpOptions = true,
        description = {"A nationwide audit: a group of cases, each with its municipality (kommune) and county (fylke).",
                "Search across them, see the group overview, choose quotations and export the summary report."},
        subcommands = {SurveyCommand.Create.class, SurveyCommand.Add.class, SurveyCommand.Remove.class, SurveyCommand.ListGroups.class,
                SurveyViews.Search.class, SurveyViews.Overview.class, SurveyViews.Quotations.class, SurveyViews.Choose.class, SurveyViews.Report.class,
                SurveyCommand.Demo.class})
final class SurveyCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a group (its id: lower-case letters, digits, hyphens).")
    static final class Create extends SurveyAction {
        @Parameters(paramLabel = "GROUP", description = "The group's id, e.g. landstilsyn-2026.")
        String group;
        @Option(names = "--title", paramLabel = "TITLE", description = "What the report calls it (default: the id).")
        String title;

        @Override
        public Integer call() {
            return show(opts.service().create(group, title, opts.user()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a case to a group with its municipality and county (again: change them).")
    static final class Add extends SurveyAction {
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--case", paramLabel = "CASE", required = true, description = "The case.")
        String caseId;
        @Option(names = "--kommune", paramLabel = "MUNICIPALITY", required = true, description = "The municipality audited.")
        String municipality;
        @Option(names = "--fylke", paramLabel = "COUNTY", required = true, description = "Its county.")
        String county;

        @Override
        public Integer call() throws IOException {
            int status = show(opts.service().add(group, caseId, municipality, county, opts.user()));
            EvidensHome home = opts.evidensHome();
            if (!new Receipts(home.receipts()).cases().contains(caseId) && !FindingsOptions.service(home).cases().contains(caseId)) {
                // added all the same (a group may be planned before its bundles come), but a misspelt case is caught here
                spec.commandLine().getErr().printf("note: no bundle is ingested into case %s and it has no finding yet: check its name,"
                        + " or ingest its bundle with --case %s%n", caseId, caseId);
                spec.commandLine().getErr().flush();
            }
            return status;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take a case out of a group (its findings stay).")
    static final class Remove extends SurveyAction {
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--case", paramLabel = "CASE", required = true, description = "The case.")
        String caseId;

        @Override
        public Integer call() {
            return show(opts.service().remove(group, caseId, opts.user()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The groups and their cases.")
    static final class ListGroups extends SurveyAction {
        @Option(names = "--json", description = "Print them as JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<CaseGroups.Group> groups = opts.service().list();
            if (json) {
                return json(groups.stream().map(GroupJson::of).toList());
            }
            if (groups.isEmpty()) {
                return say("No groups yet (see: evidens survey create --help)");
            }
            groups.forEach(this::show);
            return 0;
        }
    }

    /** A group as {@code list --json} writes it: when it was made as ISO-8601 text (the JSON writer has no java.time support). */
    record GroupJson(String id, String title, String createdBy, String createdAt, List<CaseGroups.Member> cases) {
        static GroupJson of(CaseGroups.Group g) {
            return new GroupJson(g.id(), g.title(), g.createdBy(), g.createdAt().toString(), g.cases());
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Build the generated nationwide test set: 22 municipalities' cases in the group landstilsyn-2026.",
                    "Fictional bundles written under the home, ingested into a case each, with avvik, merknader and quotations.",
                    "With --municipalities N: N of Norway's 357 municipalities, in their counties, with the same fictional texts."})
    static final class Demo extends SurveyAction {
        @Option(names = "--municipalities", paramLabel = "N",
                description = "Build a set of N real municipalities (1-357, spread over every county) in place of the 22 fictional ones.")
        Integer municipalities;

        @Override
        public Integer call() throws Exception {
            if (municipalities != null && (municipalities < 1 || municipalities > Municipalities.all().size())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--municipalities is from 1 to "
                        + Municipalities.all().size() + " (Norway's municipalities), not " + municipalities);
            }
            EvidensHome h = opts.evidensHome();
            List<NationwideSet.Municipality> set = municipalities == null ? NationwideSet.municipalities()
                    : NationwideDemo.realMunicipalities(municipalities);
            GroupService groups = opts.service();
            Path bundles = h.root().resolve("nationwide-bundles");
            PrintWriter out = out();
            out.println("Writing and ingesting the bundles of " + set.size() + " municipalities under " + bundles + " …");
            out.flush();
            long began = System.nanoTime();
            // The bundles are files this command has just written, not documents from outside: Tika reads them in this
            // process, without the worker process each ingest would otherwise start (seconds per case, at 357 cases).
            Ingestion ingestion = new Ingestion(h, new DocumentAnalyser(new TikaExtractor(), Ingestion.codebook(null, h)),
                    Runtime.getRuntime().availableProcessors());
            NationwideDemo.Built b = NationwideDemo.build(set, bundles, ingestion, FindingsOptions.service(h), groups, line -> {
                out.println("  " + line);
                out.flush();
            });
            out.printf("Group %s: %d municipalities, %d documents indexed (%d failed), %d avvik, %d merknader, %d quotations chosen "
                    + "for the report, in %d s%nNext: evidens survey overview %s, evidens survey report %s --out rapport.docx%n",
                    b.groupId(), b.municipalities(), b.documents(), b.failed(), b.avvik(), b.merknader(), b.chosen(),
                    (System.nanoTime() - began) / 1_000_000_000L, b.groupId(), b.groupId());
            out.flush();
            return 0;
        }
    }
}

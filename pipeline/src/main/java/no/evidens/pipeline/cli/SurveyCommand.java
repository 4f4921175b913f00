package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.findings.CaseGroups;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
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
final class SurveyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(CommandSpec spec, CaseGroups.Group g) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  %s  (%d case%s)%n", g.id(), g.title(), g.cases().size(), g.cases().size() == 1 ? "" : "s");
        for (CaseGroups.Member m : g.cases()) {
            out.printf("  %-24s %-20s %s%n", m.caseId(), m.municipality(), m.county());
        }
        out.flush();
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a group (its id: lower-case letters, digits, hyphens).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SurveyOptions opts;
        @Parameters(paramLabel = "GROUP", description = "The group's id, e.g. landstilsyn-2026.")
        String group;
        @Option(names = "--title", paramLabel = "TITLE", description = "What the report calls it (default: the id).")
        String title;

        @Override
        public Integer call() {
            print(spec, opts.service().create(group, title, opts.user()));
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a case to a group with its municipality and county (again: change them).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SurveyOptions opts;
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--case", paramLabel = "CASE", required = true, description = "The case.")
        String caseId;
        @Option(names = "--kommune", paramLabel = "MUNICIPALITY", required = true, description = "The municipality audited.")
        String municipality;
        @Option(names = "--fylke", paramLabel = "COUNTY", required = true, description = "Its county.")
        String county;

        @Override
        public Integer call() {
            print(spec, opts.service().add(group, caseId, municipality, county, opts.user()));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take a case out of a group (its findings stay).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SurveyOptions opts;
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--case", paramLabel = "CASE", required = true, description = "The case.")
        String caseId;

        @Override
        public Integer call() {
            print(spec, opts.service().remove(group, caseId, opts.user()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The groups and their cases.")
    static final class ListGroups implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SurveyOptions opts;
        @Option(names = "--json", description = "Print them as JSON.")
        boolean json;

        @Override
        public Integer call() {
            java.util.List<CaseGroups.Group> groups = opts.service().list();
            if (json) {
                spec.commandLine().getOut().println(Json.write(groups));
                spec.commandLine().getOut().flush();
            } else if (groups.isEmpty()) {
                spec.commandLine().getOut().println("No groups yet (see: evidens survey create --help)");
                spec.commandLine().getOut().flush();
            }
            if (!json) {
                groups.forEach(g -> print(spec, g));
            }
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Build the generated nationwide test set: fictional bundles of 22 municipalities written under the home,",
                    "ingested into a case each, with avvik, merknader and quotations, in the group " + "landstilsyn-2026."})
    static final class Demo implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SurveyOptions opts;

        @Override
        public Integer call() throws Exception {
            EvidensHome h = opts.evidensHome();
            GroupService groups = opts.service();
            Path bundles = h.root().resolve("nationwide-bundles");
            PrintWriter out = spec.commandLine().getOut();
            out.println("Writing and ingesting the bundles of 22 municipalities under " + bundles + " …");
            out.flush();
            NationwideDemo.Built b = NationwideDemo.build(bundles, new Ingestion(h), FindingsOptions.service(h), groups, line -> {
                out.println("  " + line);
                out.flush();
            });
            out.printf("Group %s: %d municipalities, %d documents indexed (%d failed), %d avvik, %d merknader, %d quotations chosen "
                    + "for the report%nNext: evidens survey overview %s, evidens survey report %s --out rapport.docx%n",
                    b.groupId(), b.municipalities(), b.documents(), b.failed(), b.avvik(), b.merknader(), b.chosen(), b.groupId(), b.groupId());
            out.flush();
            return 0;
        }
    }
}

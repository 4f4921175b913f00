package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import no.evidens.pipeline.Messages;

/**
 * The {@code evidens} command line. Commands outside the product jar ({@code eval}, {@code bench},
 * {@code tags eval}: the evaluation module) join it through {@link CliExtension}.
 */
@Command(name = "evidens", mixinStandardHelpOptions = true, version = "Evidens 0.1.0",
        description = "Evidence from audit bundles: ingest documents, search passages, cite them exactly.")
public final class EvidensCli implements Runnable {
    /** The commands in the order of the help; an extension's commands ({@code eval}, {@code bench}) go after these. */
    private static final List<Class<?>> FIRST = List.of(AnalyzeCommand.class, IngestCommand.class, SearchCommand.class,
            DemoCommand.class, ModelsCommand.class, TagsCommand.class);
    /** … and before these. */
    private static final List<Class<?>> THEN = List.of(BatchCommand.class, ShowCommand.class, DocumentCommand.class,
            FindingCommand.class, ExportCommand.class, VerifyCommand.class, AuditCommand.class, CaseCommand.class, BackupCommand.class, RestoreCommand.class, ImportCommand.class, ServeCommand.class, SolrCommand.class,
            UserCommand.class, MemberCommand.class, WatchCommand.class, SurveyCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The command run without looking for extensions: {@code ingest}, which no extension extends. The look
     * ({@link ServiceLoader}) opens every jar of the class path to find their service files, and a re-ingest of an
     * unchanged bundle has little else to do.
     */
    private static final String WITHOUT_EXTENSIONS = "ingest";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine(args.length == 0 || !WITHOUT_EXTENSIONS.equals(args[0])).execute(args));
    }

    /** The configured command line: one clear line on stderr and a non-zero exit for every error. */
    public static CommandLine commandLine() {
        return commandLine(true);
    }

    /** As {@link #commandLine()}; without the extensions' commands when {@code extensions} is false. */
    private static CommandLine commandLine(boolean extensions) {
        CommandLine cli = new CommandLine(new EvidensCli());
        FIRST.forEach(c -> cli.addSubcommand(c));
        // Before the handlers below, so that they reach the added commands too.
        if (extensions) {
            ServiceLoader.load(CliExtension.class).forEach(extension -> extension.extend(cli));
        }
        THEN.forEach(c -> cli.addSubcommand(c));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("evidens: " + Messages.oneLine(e));
            if (System.getenv("EVIDENS_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("evidens: " + e.getMessage() + " (" + queryHint(e) + "see: evidens "
                    + commandPath(e.getCommandLine()) + "--help)");
            err.flush();
            return 2;
        });
        return cli;
    }

    /**
     * For a command that takes a QUERY, an unknown "option" is most likely a query that starts with an excluded word
     * ({@code -NAV samarbeid}): say how to give it.
     */
    private static String queryHint(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || !u.isUnknownOption()
                || e.getCommandLine().getCommandSpec().positionalParameters().stream().noneMatch(p -> "QUERY".equals(p.paramLabel()))) {
            return "";
        }
        return "a query that starts with - goes after --: evidens " + commandPath(e.getCommandLine()) + "-- '"
                + u.getUnmatched().get(0) + " …'; ";
    }

    private static String commandPath(CommandLine cmd) {
        String qualified = cmd.getCommandSpec().qualifiedName(" ");
        String sub = qualified.startsWith("evidens") ? qualified.substring("evidens".length()).strip() : qualified;
        return sub.isEmpty() ? "" : sub + " ";
    }
}

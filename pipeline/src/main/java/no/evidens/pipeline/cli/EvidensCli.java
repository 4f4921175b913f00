package no.evidens.pipeline.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code evidens} command line. */
@Command(name = "evidens", mixinStandardHelpOptions = true, version = "Evidens 0.1.0",
        description = "Evidence from audit bundles: ingest documents, search passages, cite them exactly.",
        subcommands = {AnalyzeCommand.class, IngestCommand.class, SearchCommand.class, DemoCommand.class, ModelsCommand.class, TagsCommand.class, EvalCommand.class, BenchCommand.class, BatchCommand.class, ShowCommand.class, DocumentCommand.class,
                FindingCommand.class, ExportCommand.class, VerifyCommand.class, ImportCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class EvidensCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: one clear line on stderr and a non-zero exit for every error. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EvidensCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("evidens: " + message(e));
            if (System.getenv("EVIDENS_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("evidens: " + e.getMessage() + " (see: evidens "
                    + commandPath(e.getCommandLine()) + "--help)");
            err.flush();
            return 2;
        });
        return cli;
    }

    private static String commandPath(CommandLine cmd) {
        String qualified = cmd.getCommandSpec().qualifiedName(" ");
        String sub = qualified.startsWith("evidens") ? qualified.substring("evidens".length()).strip() : qualified;
        return sub.isEmpty() ? "" : sub + " ";
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

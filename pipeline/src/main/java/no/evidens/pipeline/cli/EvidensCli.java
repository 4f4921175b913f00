package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import no.evidens.pipeline.Messages;
import no.evidens.pipeline.UserNotes;
import no.evidens.pipeline.ingest.KeptWorkers;

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
            FindingCommand.class, ExportCommand.class, VerifyCommand.class, AuditCommand.class, CaseCommand.class, BackupCommand.class, RestoreCommand.class, ImportCommand.class, ServeCommand.class, SolrCommand.class, StoreCommand.class,
            UserCommand.class, MemberCommand.class, WatchCommand.class, SurveyCommand.class, ReindexCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The command extended by an extension ({@code tags eval}): the only built-in command not run alone.
     */
    private static final String EXTENDED = "tags";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine(args);
        int exitCode = cli.execute(args);
        ArchiveVerdict.afterRun(cli.getParseResult(), exitCode);
        System.exit(exitCode);
    }

    /** The configured command line: one clear line on stderr and a non-zero exit for every error. */
    public static CommandLine commandLine() {
        return commandLine(FIRST, true, THEN, null);
    }

    /**
     * The configured command line, whose {@code ingest} and {@code watch} read with this Tika worker, kept across the
     * commands run in one JVM and closed by the caller, instead of starting one of their own and stopping it at their end.
     * For a caller that runs many commands in one JVM (the tests: a worker's start is seconds of a JVM and Tika's
     * classes, for a bundle of a few notes); the {@code evidens} launcher runs one command a process and does not use it.
     */
    public static CommandLine commandLine(KeptWorkers kept) {
        return commandLine(FIRST, true, THEN, kept);
    }

    /**
     * The command line a run of these arguments needs: a built-in command named first ({@code ingest}, {@code search},
     * {@code serve}, …) with no other command beside it, nor the extensions (their look, {@link ServiceLoader}, opens every
     * jar of the class path); else the whole of {@link #commandLine()}. picocli makes a model of each command it is given,
     * with its options and their types, whether it is run or not: for all of them, some 0.5 s of each command's start.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0 && !EXTENDED.equals(args[0])) {
            for (List<Class<?>> commands : List.of(FIRST, THEN)) {
                for (Class<?> c : commands) {
                    Command named = c.getAnnotation(Command.class);
                    if (c != CommandLine.HelpCommand.class && named != null && named.name().equals(args[0])) {
                        return commandLine(List.of(c), false, List.of(), null);
                    }
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> first, boolean extensions, List<Class<?>> then, KeptWorkers kept) {
        Parts parts = new Parts(kept);
        CommandLine cli = new CommandLine(new EvidensCli(), parts);
        parts.cli = cli;
        first.forEach(c -> cli.addSubcommand(c));
        // Before the handlers below, so that they reach the added commands too.
        if (extensions) {
            ServiceLoader.load(CliExtension.class).forEach(extension -> extension.extend(cli));
        }
        then.forEach(c -> cli.addSubcommand(c));
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
            String command = unknownCommand(e);
            // picocli starts some of its messages with its own "Error: " (a group of options none of which was given)
            String message = command != null ? command : takesPassword(e) ? PASSWORD_NOT_REPEATED
                    : e.getMessage().replaceFirst("^Error: ", "");
            err.println("evidens: " + message + " (" + suggestion(e) + queryHint(e) + "see: evidens "
                    + commandPath(e.getCommandLine()) + "--help)");
            err.flush();
            return 2;
        });
        return cli;
    }

    /**
     * Makes the commands and their parts as picocli's own factory does, but each {@code --home} ({@link HomeOption}) with this
     * command line's notes: a shared service's note (the findings store upgraded) said as the CLI's other notes, a plain
     * {@code evidens: …} line on its stderr, not a log line with its prefix; and {@code ingest} and {@code watch} with the
     * kept Tika worker when one is given ({@link #commandLine(KeptWorkers)}).
     */
    private static final class Parts implements CommandLine.IFactory {
        /** The command line made with these parts (set once made; its stderr is asked at each note). */
        private CommandLine cli;
        /** The Tika worker {@code ingest} and {@code watch} read with; null: each its own. */
        private final KeptWorkers kept;

        Parts(KeptWorkers kept) {
            this.kept = kept;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == HomeOption.class) {
                return type.cast(new HomeOption(UserNotes.printedOn(() -> cli.getErr())));
            }
            if (kept != null && type == IngestCommand.class) {
                return type.cast(new IngestCommand(kept));
            }
            if (kept != null && type == WatchCommand.class) {
                return type.cast(new WatchCommand(kept));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /**
     * A misspelt option or command ({@code --limt}, {@code finding atach}): the command's options and subcommands within one
     * edit of it, else within two (Lucene's Levenshtein automata, as its fuzzy queries count edits; picocli's own suggestions
     * rank by shared letter pairs and put {@code --like} before {@code --limit} for {@code --limt}).
     */
    private static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String unmatched = u.getUnmatched().get(0);
        // an excluded word of a query (-NAV) is not a misspelt option: queryHint tells that one
        if (!unmatched.startsWith("--") && unmatched.startsWith("-") && takesQuery(e.getCommandLine())) {
            return "";
        }
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        spec.options().forEach(o -> names.addAll(List.of(o.names())));
        String word = unmatched.contains("=") ? unmatched.substring(0, unmatched.indexOf('=')) : unmatched;
        for (int edits = 1; edits <= 2; edits++) {
            CharacterRunAutomaton near = new CharacterRunAutomaton(new LevenshteinAutomata(word, true).toAutomaton(edits));
            List<String> close = names.stream().filter(n -> n.length() > 2 && near.run(n)).distinct().limit(3).toList();
            if (!close.isEmpty()) {
                return "did you mean " + String.join(" or ", close) + "? ";
            }
        }
        return "";
    }

    /**
     * For a command that takes a QUERY, an unknown "option" of one dash is most likely a query that starts with an
     * excluded word ({@code -NAV samarbeid}): say how to give it. One of two dashes ({@code --limt}) is a misspelt option.
     */
    private static String queryHint(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || !u.isUnknownOption()
                || u.getUnmatched().get(0).startsWith("--") || !takesQuery(e.getCommandLine())) {
            return "";
        }
        return "a query that starts with - goes after --: evidens " + commandPath(e.getCommandLine()) + "-- '"
                + u.getUnmatched().get(0) + " …'; ";
    }

    /**
     * A word that is no command of a command made of commands ({@code evidens finding frobnicate}): named alone with the
     * commands there are, rather than picocli's list of every argument from it on.
     */
    private static String unknownCommand(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty() || cmd.getSubcommands().isEmpty()
                || !cmd.getCommandSpec().positionalParameters().isEmpty() || u.getUnmatched().get(0).startsWith("-")) {
            return null;
        }
        List<String> commands = cmd.getSubcommands().keySet().stream().filter(n -> !"help".equals(n)).toList();
        return "there is no command '" + u.getUnmatched().get(0) + "' in evidens " + commandPath(cmd)
                + "(the commands: " + String.join(", ", commands) + ")";
    }

    /**
     * What a command that asks for a password says of an argument it does not take, instead of repeating it: a password
     * typed after the name ({@code user add lise hemmelig}, {@code --password hemmelig}) would otherwise be written to the
     * terminal or a provisioning script's log.
     */
    private static final String PASSWORD_NOT_REPEATED = "an argument this command does not take (not repeated here: it may be"
            + " a password. A password is never an argument: type it when asked, or give it with --password-stdin; one typed on"
            + " the command line stays in the shell's history, so choose another)";

    private static boolean takesPassword(CommandLine.ParameterException e) {
        return e instanceof CommandLine.UnmatchedArgumentException
                && e.getCommandLine().getCommandSpec().findOption("--password-stdin") != null;
    }

    private static boolean takesQuery(CommandLine cmd) {
        return cmd.getCommandSpec().positionalParameters().stream().anyMatch(p -> "QUERY".equals(p.paramLabel()));
    }

    private static String commandPath(CommandLine cmd) {
        String qualified = cmd.getCommandSpec().qualifiedName(" ");
        String sub = qualified.startsWith("evidens") ? qualified.substring("evidens".length()).strip() : qualified;
        return sub.isEmpty() ? "" : sub + " ";
    }
}

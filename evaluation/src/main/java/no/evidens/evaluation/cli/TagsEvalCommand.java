package no.evidens.evaluation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.models.eval.GoldFolder;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.eval.NameEvaluation;
import no.evidens.corpus.tags.EvalDevGold;
import no.evidens.corpus.tags.GoldDocument;
import no.evidens.corpus.tags.TagsGold;
import no.evidens.evaluation.tags.RenderedQuoteEval;
import no.evidens.evaluation.tags.StressedNames;
import no.evidens.evaluation.tags.TagEvaluation;
import no.evidens.evaluation.tags.TokenRebuiltNews;
import no.evidens.evaluation.tags.TreebankQuoteEval;
import no.evidens.pipeline.cli.TagsCommand;

/** {@code evidens tags eval}: added under the product's {@code tags} command by {@link EvaluationCommands}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Precision, recall and F1 per tag type and per indicator on the gold data in corpus "
                + "(tags-gold), or with --eval-dev on the real excerpts in ../shared/eval-dev (offsets-only gold): "
                + "quotations (exact inner span), indicator mentions (same id, overlapping span; exact span too), "
                + "legal references (exact span, law and sections), personal data (exact span and type).")
final class TagsEvalCommand implements Callable<Integer> {
    static final String EVAL_DEV_DEFAULT = "../shared/eval-dev";
    static final String TREEBANK_DEFAULT = "../shared/nlp/norne-nob-ud-dev.conllu";
    static final String FOLDS = "folds";

    @Option(names = "--split", defaultValue = "dev", paramLabel = "SPLIT",
            description = "dev, test or all (default: ${DEFAULT-VALUE}), or news: the fictional news, blog, report and "
                    + "minutes texts written in the treebank test files' genres (quotations only, a dev split), or news-tokens: the same "
                    + "texts rebuilt from their tokens, paragraphs kept only after headings; with --anonymise also holdout, holdout2 … holdout6, or "
                    + "folds (all six, --models DIR holding fold1 … fold6); with "
                    + "--treebank also dev2 to dev10. Tune on dev only. "
                    + "With --eval-dev, all prints dev, test and both together.")
    String split;

    @Option(names = "--errors", description = "Also list every miss and false alarm.")
    boolean errors;

    @Option(names = "--eval-dev", arity = "0..1", paramLabel = "DIR", fallbackValue = EVAL_DEV_DEFAULT,
            description = "Evaluate on the real supervision-report excerpts in DIR (default " + EVAL_DEV_DEFAULT
                    + ") with the offsets-only gold (eval-dev-offsets.tsv in the gold folder: the checkout's gold/, or EVIDENS_GOLD); "
                    + "dev = odd file numbers, test = even.")
    Path evalDev;

    @Option(names = "--paragraphs", description = "Paragraph-level indicator categories (the 17 of the supervisors' "
            + "labelling) on the real excerpts' labelled paragraphs (<eval-dev>/indicators) and the project's own: "
            + "codebook alone, classifier alone, both; dev cross-validated, test trained on dev only.")
    boolean paragraphs;

    @Option(names = "--train-indicators", paramLabel = "FILE",
            description = "Train the indicator classifier on every dev paragraph (real and own) and write it to FILE "
                    + "(the shipped model is models/src/main/resources/no/evidens/models/nb-indicators.bin).")
    Path trainTo;

    @Option(names = "--anonymise", description = "Anonymised export of every passage: person mentions left whole or in "
            + "part, and words masked that are no person; on the fictional journal full of names, the tag gold, and with "
            + "--ndt on the treebank's dev-part files (news and blogs).")
    boolean anonymise;

    @Option(names = "--models", paramLabel = "DIR", description = "With --anonymise --split holdout (holdout2 … holdout6): the "
            + "models of `evidens models train --hold-out` (`--hold-out 2` … `--hold-out 6`), a name model that never saw that fold's "
            + "held-out treebank training files; with --split folds the folder holding fold1 … fold6, one such output each.")
    Path modelDir;

    @Option(names = "--stress", description = "With --anonymise --split holdout (… holdout6), folds or dev: the stress run, "
            + "where the name model misses a quarter of the persons it finds (dropped by a hash of the name's text, the same name "
            + "everywhere in a document): what leaks shows what the anonymiser's own rules catch when the model misses a name.")
    boolean stress;

    @Option(names = "--stress-quarter", paramLabel = "N", defaultValue = "0", description = "With --stress: which quarter of "
            + "the model's person names is dropped, 0 (the default, the stress run of the rounds before) to 3: the other three "
            + "drop other names.")
    int stressQuarter;

    @Option(names = "--genres", split = ",", paramLabel = "GENRES",
            description = "With --anonymise --split holdout (holdout2 … holdout6) or folds: only the held-out files of these genres "
                    + "(file-name prefixes, e.g. ap,db,blogg-bm), each printed apart and then together; test = the genres of "
                    + "the treebank's test-split files (read from their names).")
    List<String> genres;

    @Option(names = "--ndt", paramLabel = "DIR", description = "With --anonymise: also the dev-part files of this treebank "
            + "folder (e.g. ../shared/nlp/ndt-nob-train); --split dev/test picks alternate files. With --treebank: the "
            + "folder of the hand-labelled training files of the dev split (default ndt-nob-train beside FILE).")
    Path ndt;

    @Option(names = "--treebank", arity = "0..1", paramLabel = "FILE", fallbackValue = TREEBANK_DEFAULT,
            description = "Quotations (exact inner span) on the treebank's dev part, FILE (default " + TREEBANK_DEFAULT
                    + "), a treebank file per document, against the offsets-only gold in corpus "
                    + "(treebank-quotes.tsv in the gold folder: the checkout's gold/, or EVIDENS_GOLD); dev = 1st, 3rd, ... file, test = 2nd, 4th, ...; dev also holds the training files of "
                    + "treebank-train-documents.tsv when the gold folder has it (read from --ndt), and --split dev2 … dev10 its "
                    + "second to tenth sets of training files (in all too); --errors lists dev and dev2 … dev10 only.")
    Path treebank;

    @Option(names = "--rendered", description = "With --eval-dev: quotations on the excerpts rendered as Word reports and "
            + "as PDF (one and two columns), extracted and normalised as ingestion does, matched by inner text.")
    boolean rendered;

    @Mixin
    TagsCommand.CodebookOption codebook;

    @Override
    public Integer call() {
        Codebook book = codebook.resolve(null);
        if (stressQuarter < 0 || stressQuarter >= StressedNames.QUARTERS) {
            System.err.println("evidens tags eval: --stress-quarter must be 0 to " + (StressedNames.QUARTERS - 1) + ", not "
                    + stressQuarter);
            return 2;
        }
        if (anonymise && NameEvaluation.isHoldout(split)) {
            return AnonymiseRun.holdout(book, split, ndt, modelDir, genres, stressed(), errors);
        }
        if (anonymise && FOLDS.equals(split)) {
            return AnonymiseRun.folds(book, ndt, modelDir, genres, stressed(), errors);
        }
        if (treebank != null && TreebankQuoteEval.TRAINING_SPLITS.contains(split)) {
            return treebank();
        }
        if (TagsGold.NEWS.equals(split) && treebank == null && evalDev == null && !anonymise) {
            return news(book, TagsGold.news(), TagsGold.NEWS);
        }
        if (TokenRebuiltNews.SPLIT.equals(split) && treebank == null && evalDev == null && !anonymise) {
            return news(book, TokenRebuiltNews.documents(), TokenRebuiltNews.SPLIT);
        }
        if (!List.of("dev", "test", "all").contains(split)) {
            // the splits this command knows beyond dev, test and all are named too, so a mistyped one is easy to fix
            System.err.println("evidens tags eval: --split must be dev, test, all, news or news-tokens (with --anonymise also holdout, "
                    + "holdout2 … holdout6 and folds; with --treebank also dev2 … dev10), not " + split);
            return 2;
        }
        if (treebank != null) {
            return treebank();
        }
        if (anonymise) {
            return AnonymiseRun.run(book, split, ndt, stressed(), errors);
        }
        if (paragraphs || trainTo != null) {
            return ParagraphRun.run(book, evalDev == null ? Path.of(EVAL_DEV_DEFAULT) : evalDev, split, errors, trainTo);
        }
        if (evalDev != null && rendered) {
            return rendered();
        }
        if (evalDev != null) {
            return evalDev(book);
        }
        List<GoldDocument> docs = "all".equals(split) ? TagsGold.all() : TagsGold.split(split);
        if (docs.isEmpty()) {
            System.err.println("evidens tags eval: no gold documents in split " + split);
            return 1;
        }
        TagEvaluation e = TagEvaluation.run(docs, null, errors ? System.out : null, book);
        e.print(System.out, "Tag gold, split " + split, docs.size());
        return 0;
    }

    /**
     * The {@value TagsGold#NEWS} split, as written or rebuilt from its tokens ({@value TokenRebuiltNews#SPLIT}): its gold
     * marks quotations only, so only they are scored.
     */
    private Integer news(Codebook book, List<GoldDocument> docs, String name) {
        TagEvaluation e = TagEvaluation.quotations(docs, errors ? System.out : null, book);
        e.print(System.out, "Tag gold, split " + name + " (quotations only)", docs.size());
        return 0;
    }

    private Integer rendered() {
        if (!Files.isDirectory(evalDev)) {
            System.err.println("evidens tags eval: the eval-dev folder " + evalDev.toAbsolutePath().normalize()
                    + " does not exist; give the folder of the real excerpts with --eval-dev DIR");
            return 1;
        }
        try {
            for (String s : "all".equals(split) ? List.of("dev", "test") : List.of(split)) {
                RenderedQuoteEval.run(evalDev, s, System.out);
            }
            return 0;
        } catch (java.io.IOException | IllegalArgumentException x) {
            System.err.println("evidens tags eval: " + x.getMessage());
            return 1;
        }
    }

    private Integer treebank() {
        if (!Files.isRegularFile(treebank)) {
            System.err.println("evidens tags eval: no such file: " + treebank.toAbsolutePath().normalize()
                    + "; give the treebank's CoNLL-U file with --treebank FILE");
            return 1;
        }
        try {
            TreebankQuoteEval.run(treebank, ndt == null ? treebank.resolveSibling("ndt-nob-train") : ndt, split, errors,
                    System.out);
            return 0;
        } catch (java.io.IOException | IllegalArgumentException x) {
            System.err.println("evidens tags eval: " + x.getMessage());
            return 1;
        }
    }

    private Integer evalDev(Codebook book) {
        if (!Files.isDirectory(evalDev)) {
            System.err.println("evidens tags eval: the eval-dev folder " + evalDev.toAbsolutePath().normalize()
                    + " does not exist; give the folder of the real excerpts with --eval-dev DIR");
            return 1;
        }
        List<String> splits = "all".equals(split) ? List.of("dev", "test", "all") : List.of(split);
        for (String s : splits) {
            List<EvalDevGold.Excerpt> excerpts;
            try {
                excerpts = EvalDevGold.load(evalDev, GoldFolder.file(EvalDevGold.FILE), s);
            } catch (IllegalArgumentException | IllegalStateException x) {
                System.err.println("evidens tags eval: " + x.getMessage());
                return 1;
            }
            TagEvaluation e = TagEvaluation.run(excerpts.stream().map(EvalDevGold.Excerpt::document).toList(),
                    excerpts.stream().map(EvalDevGold.Excerpt::annotated).toList(),
                    errors && !"all".equals(s) ? System.out : null, book);
            Map<String, Long> perKind = new TreeMap<>();
            excerpts.forEach(x -> x.annotated().forEach(k -> perKind.merge(k, 1L, Long::sum)));
            System.out.println();
            e.print(System.out, "eval-dev " + evalDev + ", split " + s + " (files annotated per kind: q "
                    + perKind.getOrDefault("q", 0L) + ", l " + perKind.getOrDefault("l", 0L) + ", i "
                    + perKind.getOrDefault("i", 0L) + ", p " + perKind.getOrDefault("p", 0L) + ")", excerpts.size());
        }
        return 0;
    }

    /** The quarter of person names the stress run drops, or {@link AnonymiseRun#NO_STRESS}. */
    private int stressed() {
        return stress ? stressQuarter : AnonymiseRun.NO_STRESS;
    }
}

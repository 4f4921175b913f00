package no.evidens.evaluation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import no.evidens.evaluation.tags.AnonymisationEval;
import no.evidens.evaluation.tags.AnonymisationTexts;
import no.evidens.evaluation.tags.StressedNames;
import no.evidens.models.train.HoldOutNames;
import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.eval.NameEvaluation;
import no.evidens.pipeline.export.Anonymiser;

/** {@code evidens tags eval --anonymise [--ndt DIR] [--split dev|test|all|holdout…|folds] [--stress
 * [--stress-quarter N]]}. */
final class AnonymiseRun {
    private AnonymiseRun() {
    }

    /** No stress run: every person name the model finds is kept. */
    static final int NO_STRESS = -1;

    /**
     * The held-out train-part files of a fold ({@code holdout}, {@code holdout2} … {@code holdout6}) with that fold's hold-out
     * name model: dev material, errors may be printed. With {@code genres} (when not null) only the held-out files of those
     * genres ({@code test}: the genres of the treebank's test-split files, from their names), each genre printed apart and
     * then together; with {@code stress} other than {@link #NO_STRESS} the name model misses that quarter of its persons
     * ({@link StressedNames}).
     */
    static int holdout(Codebook book, String split, Path ndt, Path modelDir, List<String> genres, int stress, boolean errors) {
        if (ndt == null || !Files.isDirectory(ndt) || modelDir == null) {
            System.err.println("evidens tags eval: --split " + split + " needs --ndt DIR (the treebank folder) and --models DIR "
                    + "(from evidens models train --hold-out" + (NameEvaluation.fold(split) > 1 ? " " + NameEvaluation.fold(split) : "")
                    + ")");
            return 2;
        }
        try {
            fold(book, split, ndt, modelDir, genres, stress, errors, true);
            return 0;
        } catch (IOException e) {
            System.err.println("evidens tags eval: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Every fold at once ({@code --split folds}): {@code modelsRoot} holds {@code fold1} … {@code fold6}, each the output of
     * {@code evidens models train --hold-out N}; each fold is printed, then all six together.
     */
    static int folds(Codebook book, Path ndt, Path modelsRoot, List<String> genres, int stress, boolean errors) {
        if (ndt == null || !Files.isDirectory(ndt) || modelsRoot == null) {
            System.err.println("evidens tags eval: --split folds needs --ndt DIR (the treebank folder) and --models DIR holding fold1 "
                    + "… fold" + HoldOutNames.FOLDS + " (each from evidens models train --hold-out N --out DIR/foldN)");
            return 2;
        }
        try {
            AnonymisationEval.Counts total = AnonymisationEval.Counts.NONE;
            for (int n = 1; n <= HoldOutNames.FOLDS; n++) {
                Path dir = modelsRoot.resolve("fold" + n);
                if (!Files.isDirectory(dir)) {
                    System.err.println("evidens tags eval: no fold models in " + dir + " (evidens models train --hold-out " + n
                            + " --out " + dir + ")");
                    return 2;
                }
                total = total.plus(fold(book, n == 1 ? "holdout" : "holdout" + n, ndt, dir, genres, stress, errors, false));
            }
            total.print(System.out, title("folds 1–" + HoldOutNames.FOLDS + " together", genres, stress));
            return 0;
        } catch (IOException e) {
            System.err.println("evidens tags eval: " + e.getMessage());
            return 1;
        }
    }

    private static AnonymisationEval.Counts fold(Codebook book, String split, Path ndt, Path modelDir, List<String> genres,
                                                 int stress, boolean errors, boolean perGenre) throws IOException {
        NorwegianModels models = NorwegianModels.fromDirectory(modelDir);
        Anonymiser.NameFinder finder = stress == NO_STRESS ? models::names : new StressedNames(models::names, stress);
        AnonymisationEval eval = new AnonymisationEval(models, book, new Anonymiser(finder));
        List<AnonymisationEval.GoldText> docs = AnonymisationTexts.treebank(ndt, split);
        String title = title("hold-out model (" + split + ")", genres, stress);
        if (genres == null) {
            AnonymisationEval.Counts counts = eval.run(docs, errors ? System.out : null);
            counts.print(System.out, title);
            return counts;
        }
        List<String> wanted = genres.equals(List.of("test")) ? NameEvaluation.genres(ndt, "test") : genres;
        AnonymisationEval.Counts total = AnonymisationEval.Counts.NONE;
        for (String genre : wanted) {
            List<AnonymisationEval.GoldText> ofGenre = docs.stream()
                    .filter(d -> NameEvaluation.genre(Path.of(d.name())).equals(genre)).toList();
            AnonymisationEval.Counts counts = eval.run(ofGenre, errors ? System.out : null);
            if (perGenre) {
                counts.print(System.out, "  genre " + genre);
            }
            total = total.plus(counts);
        }
        total.print(System.out, title);
        return total;
    }

    private static String title(String what, List<String> genres, int stress) {
        return "anonymised export, treebank train part held out from the name model, " + what
                + (genres == null ? "" : ", genres " + String.join(",", genres))
                + stressNote(stress);
    }

    private static String stressNote(int stress) {
        return stress == NO_STRESS ? "" : ", stress run (a quarter of the model's person names dropped"
                + (stress == 0 ? "" : ", quarter " + stress) + ")";
    }

    /**
     * The fictional journal, the tag gold and, with {@code ndt}, the treebank's dev-part files of {@code split}, with the
     * bundled name model (trained on the train part only); with {@code stress} other than {@link #NO_STRESS} (the dev
     * split only, dev material) the model misses that quarter of its persons ({@link StressedNames}).
     */
    static int run(Codebook book, String split, Path ndt, int stress, boolean errors) {
        if (ndt != null && !Files.isDirectory(ndt)) {
            System.err.println("evidens tags eval: not a folder: " + ndt);
            return 1;
        }
        if (stress != NO_STRESS && !"dev".equals(split)) {
            System.err.println("evidens tags eval: --stress goes with --split dev, holdout … holdout6 or folds, not " + split);
            return 2;
        }
        NorwegianModels models = NorwegianModels.shared();
        Anonymiser anonymiser = stress == NO_STRESS ? Anonymiser.withNameModel()
                : new Anonymiser(new StressedNames(models::names, stress));
        AnonymisationEval eval = new AnonymisationEval(models, book, anonymiser);
        eval.run(List.of(AnonymisationTexts.journal()), errors ? System.out : null)
                .print(System.out, "anonymised export, fictional journal full of names" + stressNote(stress));
        if (!"test".equals(split)) {
            // round 29: the written stress set q4, dev material (its errors are printed with --errors)
            eval.run(AnonymisationTexts.stressQ4(), errors ? System.out : null)
                    .print(System.out, "anonymised export, written stress set q4 (fictional)" + stressNote(stress));
            // round 30: the written stress set q5, dev material as q4
            eval.run(AnonymisationTexts.stressQ5(), errors ? System.out : null)
                    .print(System.out, "anonymised export, written stress set q5 (fictional)" + stressNote(stress));
            // round 31: the written stress set q6, dev material as q4
            eval.run(AnonymisationTexts.stressQ6(), errors ? System.out : null)
                    .print(System.out, "anonymised export, written stress set q6 (fictional)" + stressNote(stress));
        }
        for (String s : "all".equals(split) ? List.of("dev", "test") : List.of(split)) {
            eval.run(AnonymisationTexts.tagsGold(s), errors && "dev".equals(s) ? System.out : null)
                    .print(System.out, "anonymised export, tag gold split " + s + stressNote(stress));
            if (ndt != null) {
                try {
                    eval.run(AnonymisationTexts.treebank(ndt, s), errors && "dev".equals(s) ? System.out : null)
                            .print(System.out, "anonymised export, treebank dev part (news, blogs), split " + s
                                    + stressNote(stress));
                } catch (IOException e) {
                    System.err.println("evidens tags eval: " + e.getMessage());
                    return 1;
                }
            }
        }
        return 0;
    }
}

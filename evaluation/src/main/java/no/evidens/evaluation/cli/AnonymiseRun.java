package no.evidens.evaluation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import no.evidens.evaluation.tags.AnonymisationEval;
import no.evidens.evaluation.tags.AnonymisationTexts;
import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.eval.NameEvaluation;
import no.evidens.pipeline.export.Anonymiser;

/** {@code evidens tags eval --anonymise [--ndt DIR] [--split dev|test|all]}. */
final class AnonymiseRun {
    private AnonymiseRun() {
    }

    /**
     * The held-out train-part files of a fold ({@code holdout}, {@code holdout2} … {@code holdout6}) with that fold's hold-out name model:
     * dev material, errors may be printed.
     */
    static int holdout(Codebook book, String split, Path ndt, Path modelDir, boolean errors) {
        return holdout(book, split, ndt, modelDir, null, errors);
    }

    /**
     * As {@link #holdout(Codebook, String, Path, Path, boolean)}, with {@code genres} (when not null) keeping only the
     * held-out files of those genres ({@code test}: the genres of the treebank's test-split files, from their names), each
     * genre printed apart and then together.
     */
    static int holdout(Codebook book, String split, Path ndt, Path modelDir, List<String> genres, boolean errors) {
        if (ndt == null || !Files.isDirectory(ndt) || modelDir == null) {
            System.err.println("evidens tags eval: --split " + split + " needs --ndt DIR (the treebank folder) and --models DIR "
                    + "(from evidens models train --hold-out" + (NameEvaluation.fold(split) > 1 ? " " + NameEvaluation.fold(split) : "")
                    + ")");
            return 2;
        }
        try {
            NorwegianModels models = NorwegianModels.fromDirectory(modelDir);
            AnonymisationEval eval = new AnonymisationEval(models, book, new Anonymiser(models::names));
            String title = "anonymised export, treebank train part held out from the name model, hold-out model (" + split + ")";
            if (genres == null) {
                eval.run(AnonymisationTexts.treebank(ndt, split), errors ? System.out : null).print(System.out, title);
                return 0;
            }
            List<String> wanted = genres.equals(List.of("test")) ? NameEvaluation.genres(ndt, "test") : genres;
            List<AnonymisationEval.GoldText> docs = AnonymisationTexts.treebank(ndt, split);
            AnonymisationEval.Counts total = new AnonymisationEval.Counts(0, 0, 0, 0, 0, 0, 0);
            for (String genre : wanted) {
                List<AnonymisationEval.GoldText> ofGenre = docs.stream()
                        .filter(d -> NameEvaluation.genre(Path.of(d.name())).equals(genre)).toList();
                AnonymisationEval.Counts counts = eval.run(ofGenre, errors ? System.out : null);
                counts.print(System.out, "  genre " + genre);
                total = total.plus(counts);
            }
            total.print(System.out, title + ", genres " + String.join(",", wanted));
            return 0;
        } catch (IOException e) {
            System.err.println("evidens tags eval: " + e.getMessage());
            return 1;
        }
    }

    static int run(Codebook book, String split, Path ndt, boolean errors) {
        if (ndt != null && !Files.isDirectory(ndt)) {
            System.err.println("evidens tags eval: not a folder: " + ndt);
            return 1;
        }
        AnonymisationEval eval = new AnonymisationEval(NorwegianModels.shared(), book, Anonymiser.withNameModel());
        eval.run(List.of(AnonymisationTexts.journal()), errors ? System.out : null)
                .print(System.out, "anonymised export, fictional journal full of names");
        for (String s : "all".equals(split) ? List.of("dev", "test") : List.of(split)) {
            eval.run(AnonymisationTexts.tagsGold(s), errors && "dev".equals(s) ? System.out : null)
                    .print(System.out, "anonymised export, tag gold split " + s);
            if (ndt != null) {
                try {
                    eval.run(AnonymisationTexts.treebank(ndt, s), errors && "dev".equals(s) ? System.out : null)
                            .print(System.out, "anonymised export, treebank dev part (news, blogs), split " + s);
                } catch (IOException e) {
                    System.err.println("evidens tags eval: " + e.getMessage());
                    return 1;
                }
            }
        }
        return 0;
    }
}

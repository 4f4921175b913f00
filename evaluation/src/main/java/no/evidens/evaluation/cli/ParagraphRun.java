package no.evidens.evaluation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import no.evidens.evaluation.tags.EvalDevParagraphs;
import no.evidens.evaluation.tags.ParagraphIndicatorEval;
import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.indicator.IndicatorClassifier;
import no.evidens.models.indicator.LabelledParagraph;
import no.evidens.models.tag.IndicatorTagger;

/** {@code evidens tags eval --paragraphs} and {@code --train-indicators FILE}. */
final class ParagraphRun {
    private ParagraphRun() {
    }

    static int run(Codebook book, Path evalDev, String split, boolean errors, Path trainTo) {
        if (!Files.isDirectory(evalDev.resolve("indicators"))) {
            System.err.println("evidens tags eval: no labelled paragraphs in " + evalDev.resolve("indicators").toAbsolutePath()
                    .normalize() + "; give the eval-dev folder with --eval-dev DIR");
            return 1;
        }
        try {
            ParagraphIndicatorEval eval = new ParagraphIndicatorEval(book, new IndicatorTagger(book, NorwegianModels.shared()));
            List<LabelledParagraph> realDev = EvalDevParagraphs.real(evalDev, "dev");
            List<LabelledParagraph> ownDev = EvalDevParagraphs.own("dev");
            if (trainTo != null) {
                List<LabelledParagraph> all = new ArrayList<>(realDev);
                all.addAll(ownDev);
                eval.train(all).write(trainTo);
                System.out.printf("indicator classifier trained on %d dev paragraphs (%d real, %d own), written to %s%n",
                        all.size(), realDev.size(), ownDev.size(), trainTo);
                return 0;
            }
            if (!"test".equals(split)) {
                List<ParagraphIndicatorEval.Scores> dev = eval.score(realDev, eval.crossValidated(realDev, ownDev),
                        errors ? System.out : null);
                ParagraphIndicatorEval.print(System.out, "eval-dev paragraphs, split dev (odd files; classifier "
                        + "cross-validated over 3 folds of files)", realDev.size(), dev);
            }
            if (!"dev".equals(split)) {
                List<LabelledParagraph> train = new ArrayList<>(realDev);
                train.addAll(ownDev);
                IndicatorClassifier model = eval.train(train);
                List<LabelledParagraph> realTest = EvalDevParagraphs.real(evalDev, "test");
                List<LabelledParagraph> ownTest = EvalDevParagraphs.own("test");
                ParagraphIndicatorEval.print(System.out, "eval-dev paragraphs, split test (even files; classifier "
                        + "trained on dev only)", realTest.size(),
                        eval.score(realTest, realTest.stream().map(p -> model).toList(), null));
                ParagraphIndicatorEval.print(System.out, "own fictional paragraphs, split test (even ids)", ownTest.size(),
                        eval.score(ownTest, ownTest.stream().map(p -> model).toList(), null));
            }
            return 0;
        } catch (IOException e) {
            System.err.println("evidens tags eval: " + e.getMessage());
            return 1;
        }
    }
}

package no.evidens.pipeline.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.state.SetFlatness;
import org.apache.pdfbox.contentstream.operator.state.SetLineCapStyle;
import org.apache.pdfbox.contentstream.operator.state.SetLineDashPattern;
import org.apache.pdfbox.contentstream.operator.state.SetLineJoinStyle;
import org.apache.pdfbox.contentstream.operator.state.SetLineMiterLimit;
import org.apache.pdfbox.contentstream.operator.state.SetLineWidth;
import org.apache.pdfbox.contentstream.operator.state.SetRenderingIntent;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;

/**
 * Words that end a line with a hyphen the PDF draws as a shape (a short filled bar right after the last
 * letter) instead of writing it as text, as some producers do: the text has no hyphen, but the word goes
 * on on the next line. The shapes come from PDFBox, the words from {@link PdfLayout}.
 */
final class PdfDrawnHyphens {
    record Bar(double minX, double minY, double maxX, double maxY) {
    }

    private PdfDrawnHyphens() {
    }

    /**
     * The bars of a page as its path operators build and paint them: a rectangle appended to the path is kept
     * when the path is then filled while still that rectangle alone, and forgotten when anything else is drawn
     * or the path is stroked or ended. One rule for both passes that read bars: the graphics pass of a page with
     * a Type 3 font ({@link #bars}) and the words' pass of any other page ({@link #addOperators}).
     */
    static final class Collector {
        private final List<Bar> bars = new ArrayList<>();
        private Bar pending;

        void rectangle(Point2D p0, Point2D p2) {
            pending = new Bar(Math.min(p0.getX(), p2.getX()), Math.min(p0.getY(), p2.getY()),
                    Math.max(p0.getX(), p2.getX()), Math.max(p0.getY(), p2.getY()));
        }

        void fill() {
            if (pending != null && pending.maxX() - pending.minX() < 12 && pending.maxY() - pending.minY() < 3) {
                bars.add(pending);
            }
            pending = null;
        }

        void forget() {
            pending = null;
        }

        List<Bar> bars() {
            return bars;
        }
    }

    /** Small filled rectangles: what a drawn hyphen is, read in a graphics pass of their own. */
    static List<Bar> bars(PDPage page) throws IOException {
        Collector bars = new Collector();
        boolean type3 = Type3Fonts.reachable(page);
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            @Override
            protected void showText(byte[] string) throws IOException {
                // Only a Type 3 font's glyphs reach the path methods below; other text moves no pen for a
                // shape, so where the page has no Type 3 font its glyphs are not laid out again (most of this
                // pass's CPU; the words' pass has laid them out already).
                if (type3) {
                    super.showText(string);
                }
            }

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                bars.rectangle(p0, p2);
            }

            @Override
            public void fillPath(int windingRule) {
                bars.fill();
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
                fillPath(windingRule);
            }

            @Override
            public void strokePath() {
                bars.forget();
            }

            @Override
            public void endPath() {
                bars.forget();
            }

            @Override
            public void drawImage(PDImage pdImage) {
                // images are not hyphens
            }

            @Override
            public void clip(int windingRule) {
                // clipping does not matter here
            }

            @Override
            public void moveTo(float x, float y) {
                bars.forget();
            }

            @Override
            public void lineTo(float x, float y) {
                bars.forget();
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                bars.forget();
            }

            @Override
            public Point2D getCurrentPoint() {
                return new Point2D.Float(0, 0);
            }

            @Override
            public void closePath() {
                // a rectangle is closed already
            }

            @Override
            public void shadingFill(COSName shadingName) {
                // shadings are not hyphens
            }
        };
        engine.processPage(page);
        return bars.bars();
    }

    /**
     * Makes a text engine (the words' pass of {@link PdfLayout}) collect the bars of its page too, so that a
     * page without a Type 3 font is read once for its words and its bars, where a graphics pass of its own
     * ({@link #bars}) read its content stream a second time. PDFBox's path operators work only in a graphics
     * engine, hence these few of our own, which do what the graphics pass's methods above do after PDFBox's
     * operators have checked their operands the way these check them (a missing operand is reported, an operand
     * of another kind ignores the operator). The graphics engine's colour and line-state operators, which a text
     * engine lacks, are PDFBox's own, so that a page whose colours or inline images cannot be read fails as it
     * did in the graphics pass.
     */
    static void addOperators(PDFStreamEngine engine, Collector bars) {
        engine.addOperator(new SetStrokingColorSpace(engine));
        engine.addOperator(new SetNonStrokingColorSpace(engine));
        engine.addOperator(new SetStrokingColor(engine));
        engine.addOperator(new SetNonStrokingColor(engine));
        engine.addOperator(new SetStrokingColorN(engine));
        engine.addOperator(new SetNonStrokingColorN(engine));
        engine.addOperator(new SetStrokingDeviceGrayColor(engine));
        engine.addOperator(new SetNonStrokingDeviceGrayColor(engine));
        engine.addOperator(new SetStrokingDeviceRGBColor(engine));
        engine.addOperator(new SetNonStrokingDeviceRGBColor(engine));
        engine.addOperator(new SetStrokingDeviceCMYKColor(engine));
        engine.addOperator(new SetNonStrokingDeviceCMYKColor(engine));
        engine.addOperator(new SetLineDashPattern(engine));
        engine.addOperator(new SetFlatness(engine));
        engine.addOperator(new SetLineJoinStyle(engine));
        engine.addOperator(new SetLineCapStyle(engine));
        engine.addOperator(new SetLineMiterLimit(engine));
        engine.addOperator(new SetLineWidth(engine));
        engine.addOperator(new SetRenderingIntent(engine));
        engine.addOperator(new PathOperator(engine, OperatorName.APPEND_RECT, 4, true) {
            @Override
            void apply(List<COSBase> operands) {
                float x = ((COSNumber) operands.get(0)).floatValue();
                float y = ((COSNumber) operands.get(1)).floatValue();
                float x2 = ((COSNumber) operands.get(2)).floatValue() + x;
                float y2 = ((COSNumber) operands.get(3)).floatValue() + y;
                bars.rectangle(engine.transformedPoint(x, y), engine.transformedPoint(x2, y2));
            }
        });
        for (String moves : List.of(OperatorName.MOVE_TO, OperatorName.LINE_TO)) {
            engine.addOperator(new PathOperator(engine, moves, 2, false) {
                @Override
                void apply(List<COSBase> operands) {
                    bars.forget();
                }
            });
        }
        engine.addOperator(new PathOperator(engine, OperatorName.CURVE_TO, 6, true) {
            @Override
            void apply(List<COSBase> operands) {
                bars.forget();
            }
        });
        for (String curves : List.of(OperatorName.CURVE_TO_REPLICATE_INITIAL_POINT, OperatorName.CURVE_TO_REPLICATE_FINAL_POINT)) {
            engine.addOperator(new PathOperator(engine, curves, 4, true) {
                @Override
                void apply(List<COSBase> operands) {
                    bars.forget();
                }
            });
        }
        for (String fills : List.of(OperatorName.FILL_NON_ZERO, OperatorName.LEGACY_FILL_NON_ZERO, OperatorName.FILL_EVEN_ODD,
                OperatorName.FILL_NON_ZERO_AND_STROKE, OperatorName.FILL_EVEN_ODD_AND_STROKE,
                OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE, OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE)) {
            engine.addOperator(new PathOperator(engine, fills, 0, false) {
                @Override
                void apply(List<COSBase> operands) {
                    bars.fill();
                }
            });
        }
        for (String ends : List.of(OperatorName.STROKE_PATH, OperatorName.CLOSE_AND_STROKE, OperatorName.ENDPATH)) {
            engine.addOperator(new PathOperator(engine, ends, 0, false) {
                @Override
                void apply(List<COSBase> operands) {
                    bars.forget();
                }
            });
        }
        engine.addOperator(new OperatorProcessor(engine) {
            @Override
            public void process(Operator operator, List<COSBase> operands) throws IOException {
                // An inline image is decoded as the graphics pass decoded it (and fails as it failed there).
                if (operator.getImageData() != null && operator.getImageData().length > 0) {
                    new PDInlineImage(operator.getImageParameters(), operator.getImageData(), engine.getResources()).isEmpty();
                }
            }

            @Override
            public String getName() {
                return OperatorName.BEGIN_INLINE_IMAGE;
            }
        });
    }

    /**
     * A path operator of the words' pass: reports a missing operand, ignores an operator whose operands are
     * not numbers (the first two, or all of them), else applies it.
     */
    private abstract static class PathOperator extends OperatorProcessor {
        private final String name;
        private final int operands;
        private final boolean allNumbers;

        PathOperator(PDFStreamEngine engine, String name, int operands, boolean allNumbers) {
            super(engine);
            this.name = name;
            this.operands = operands;
            this.allNumbers = allNumbers;
        }

        abstract void apply(List<COSBase> operands) throws IOException;

        @Override
        public void process(Operator operator, List<COSBase> given) throws IOException {
            if (given.size() < operands) {
                throw new MissingOperandException(operator, given);
            }
            boolean numbers = allNumbers ? checkArrayTypesClass(given, COSNumber.class)
                    : given.subList(0, operands).stream().allMatch(COSNumber.class::isInstance);
            if (numbers) {
                apply(given);
            }
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /**
     * Each word whose last letter a bar follows closely, at the height of a hyphen, with the first word
     * of the next line of its column: {@code over-gangen}. The pair, not the word alone, says where the
     * hyphen stands, so that "om" ending another line is not joined too.
     */
    static List<String> wordsBefore(List<PdfLayout.Word> words, List<Bar> bars) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            PdfLayout.Word w = words.get(k);
            for (Bar b : bars) {
                double mid = (b.minY() + b.maxY()) / 2;
                if (b.minX() >= w.endX() - 0.5 && b.minX() <= w.endX() + w.size() * 0.3
                        && mid > w.baseline() && mid < w.baseline() + w.size() * 0.6) {
                    PdfLayout.Word next = nextLineStart(words, k);
                    if (next != null) {
                        out.add(lastToken(w.text()) + "-" + PdfParagraphs.SPACES.split(next.text())[0]);
                    }
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The first word of the line below word {@code i}, or null: the next word in the order the page writes
     * its text (as Tika reads it), which in a column is the next line's first; the words beside it on
     * the page, in another column, would be wrong.
     */
    private static PdfLayout.Word nextLineStart(List<PdfLayout.Word> words, int i) {
        if (i + 1 >= words.size()) {
            return null;
        }
        PdfLayout.Word w = words.get(i);
        PdfLayout.Word next = words.get(i + 1);
        return next.top() > w.top() + w.height() * 0.5 ? next : null;
    }

    private static String lastToken(String text) {
        String[] parts = PdfParagraphs.SPACES.split(text);
        return parts[parts.length - 1];
    }
}

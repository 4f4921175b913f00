package no.evidens.pipeline.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Whether a PDF page's content can reach a Type 3 font: the only kind of font whose glyphs are drawn with
 * the path operators ({@code re}, {@code f}, …) of a content stream of their own, where PDFBox's other fonts
 * draw outlines it never hands to a stream engine's path methods. Read from the page's resources and those of
 * the forms they hold (fonts, and fonts set by a graphics state), as PDFBox itself tells a Type 3 font
 * ({@code /Subtype /Type3}), without loading a font.
 */
final class Type3Fonts {
    private Type3Fonts() {
    }

    /** Whether {@code page}'s resources, or those of any form within them, hold a Type 3 font. */
    static boolean reachable(PDPage page) {
        PDResources resources = page.getResources();
        return resources != null && holds(resources.getCOSObject(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean holds(COSDictionary resources, Set<COSDictionary> seen) {
        if (!seen.add(resources)) {
            return false;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                if (fonts.getDictionaryObject(name) instanceof COSDictionary font
                        && COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
                    return true;
                }
            }
        }
        COSDictionary states = resources.getCOSDictionary(COSName.EXT_G_STATE);
        if (states != null) {
            // A graphics state may set the font too ({@code /Font [font size]}).
            for (COSName name : states.keySet()) {
                if (states.getDictionaryObject(name) instanceof COSDictionary state
                        && state.getDictionaryObject(COSName.FONT) instanceof COSArray setting && setting.size() > 0
                        && setting.getObject(0) instanceof COSDictionary font && COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
                    return true;
                }
            }
        }
        COSDictionary objects = resources.getCOSDictionary(COSName.XOBJECT);
        if (objects != null) {
            for (COSName name : objects.keySet()) {
                COSBase object = objects.getDictionaryObject(name);
                if (object instanceof COSDictionary form && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))) {
                    COSDictionary own = form.getCOSDictionary(COSName.RESOURCES);
                    if (own != null && holds(own, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

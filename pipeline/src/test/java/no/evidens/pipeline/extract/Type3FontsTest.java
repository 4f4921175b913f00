package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;

/**
 * The drawn hyphens' pass lays out a page's glyphs again only where a Type 3 font (whose glyphs are drawn with
 * path operators) can be reached from the page's content: wherever its resources can hold one.
 */
class Type3FontsTest {
    private static COSDictionary font(COSName subtype) {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, subtype);
        return font;
    }

    private static COSDictionary named(String name, COSDictionary value) {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.getPDFName(name), value);
        return d;
    }

    private static PDPage pageWith(COSDictionary resources) {
        PDPage page = new PDPage();
        page.setResources(new PDResources(resources));
        return page;
    }

    @Test
    void aPageOfOrdinaryFontsHasNone() {
        COSDictionary resources = new COSDictionary();
        COSDictionary fonts = named("F1", font(COSName.TYPE1));
        fonts.setItem(COSName.getPDFName("F2"), font(COSName.TRUE_TYPE));
        resources.setItem(COSName.FONT, fonts);
        assertFalse(Type3Fonts.reachable(pageWith(resources)));
        assertFalse(Type3Fonts.reachable(new PDPage()));
    }

    @Test
    void aType3FontOfThePageIsFound() {
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.FONT, named("T3", font(COSName.TYPE3)));
        assertTrue(Type3Fonts.reachable(pageWith(resources)));
    }

    @Test
    void aType3FontOfAFormOnThePageIsFoundAndAFormThatHoldsItselfEnds() {
        COSStream form = new COSStream();
        form.setItem(COSName.SUBTYPE, COSName.FORM);
        COSDictionary formResources = new COSDictionary();
        form.setItem(COSName.RESOURCES, formResources);
        // The form draws itself: the search must end all the same.
        formResources.setItem(COSName.XOBJECT, named("Fm0", form));
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.XOBJECT, named("Fm0", form));
        assertFalse(Type3Fonts.reachable(pageWith(resources)));

        formResources.setItem(COSName.FONT, named("T3", font(COSName.TYPE3)));
        assertTrue(Type3Fonts.reachable(pageWith(resources)));
    }

    @Test
    void aType3FontSetByAGraphicsStateIsFound() {
        COSDictionary state = new COSDictionary();
        COSArray setting = new COSArray();
        setting.add(font(COSName.TYPE3));
        setting.add(new COSFloat(12));
        state.setItem(COSName.FONT, setting);
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.EXT_G_STATE, named("GS1", state));
        assertTrue(Type3Fonts.reachable(pageWith(resources)));
    }
}

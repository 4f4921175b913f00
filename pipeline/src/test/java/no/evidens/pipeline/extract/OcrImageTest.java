package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class OcrImageTest {
    @Test
    void theMedianFilterTakesOutASpeckAndKeepsAStroke() {
        BufferedImage img = new BufferedImage(30, 30, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 30, 30);
        g.setColor(Color.BLACK);
        g.fillRect(5, 5, 1, 1);      // a speck
        g.fillRect(15, 5, 4, 20);    // a letter's stroke
        g.dispose();
        BufferedImage clean = OcrImage.median(img);
        assertEquals(255, clean.getRaster().getSample(5, 5, 0), "the speck is gone");
        assertEquals(0, clean.getRaster().getSample(16, 15, 0), "the stroke stays");
    }
}

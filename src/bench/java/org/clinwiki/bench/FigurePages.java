package org.clinwiki.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.file.FileService;
import org.clinwiki.page.Replacement;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;

/**
 * Pages with three figures each, as clinical articles carry them: screenshots uploaded once,
 * shown as captioned thumbnails in many pages. Written in-process before the server starts.
 */
final class FigurePages {

    static final int PAGES = 50;
    static final List<String> FILES = List.of("Order_entry_screen.png", "Medication_workflow.png", "Alert_dialog.png");

    private FigurePages() {
    }

    static String path(int n) {
        return "Figures_in_article_" + Math.floorMod(n, PAGES);
    }

    static void write(Wiki wiki) {
        Actor system = FirstRun.systemActor(wiki);
        Random random = new Random(7);
        for (String name : FILES) {
            wiki.files().importFile(system, new FileService.Upload(name, screenshot(1600, 1000, random), "benchmark figure", true));
        }
        List<Replacement> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            String text = "Computerized provider order entry reduces transcription errors.\n\n"
                    + "[[File:" + FILES.get(0) + "|thumb|right|The order entry screen]]\n\n"
                    + "## Workflow\n\nOrders pass a pharmacist's verification.\n\n"
                    + "[[File:" + FILES.get(1) + "|thumb|left|The medication workflow, see [[Clinical decision support]]]]\n\n"
                    + "## Alerts\n\nInteraction alerts fire at signing.\n\n"
                    + "[[File:" + FILES.get(2) + "|300px|center|alt=An interaction alert]]\n\n[[Category:Figures]]\n";
            pages.add(new Replacement(Title.parse(path(i)), text, "benchmark figures"));
        }
        wiki.pages().replaceAll(system, pages);
    }

    /** A 24-bit image with gradients and noise, so it compresses like a screenshot with a photo in it, not like a flat fill. */
    private static byte[] screenshot(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(random.nextInt()), width, height, new Color(random.nextInt())));
        graphics.fillRect(0, 0, width, height);
        for (int i = 0; i < 400; i++) {
            graphics.setColor(new Color(random.nextInt()));
            graphics.fillRect(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(200), 10 + random.nextInt(40));
        }
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

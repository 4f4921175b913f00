package no.evidens.pipeline.web;

/**
 * One browser of one size for the tests of a class, started by the first test that asks and handed to each later one
 * afresh ({@link Browser#keptForTheClass}); quit when the class closes it ({@code @AfterAll}). A Chromium start took
 * 3–6 s of a browser test under load (round 47), and most tests of a class use the same desktop browser.
 */
final class ClassBrowser implements AutoCloseable {
    private final int width;
    private final int height;
    private Browser browser;

    ClassBrowser(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The class's browser, afresh for a test of the workspace {@code ws}. */
    Browser afreshFor(SampleWorkspace ws) throws Exception {
        if (browser == null) {
            browser = new Browser(width, height);
        }
        return browser.keptForTheClass(ws.url());
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.quit();
        }
    }
}

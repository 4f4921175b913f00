package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The UI's own files (HTML, CSS, JavaScript, images) from the jar, by a strict name pattern: nothing
 * else of the class path can be named. Not Jetty's ResourceHandler: these few files need no ranges or
 * directories, and every answer carries the API's security headers.
 */
final class StaticFiles implements Routes.Resource {
    private static final String STATIC = "/no/evidens/pipeline/web/static/";
    private static final Map<String, String> MEDIA = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    @Override
    public void register(Routes routes) {
        routes.outsideApi((x, p) -> serve(x));
    }

    private static void serve(Exchange x) throws IOException {
        x.allow("GET");
        String path = x.path();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!name.matches("[a-z0-9-]+\\.(html|css|js|svg|png|ico)")) {
            throw ApiError.notFound("error.http.no-page", path);
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                throw ApiError.notFound("error.http.no-page", path);
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            x.send(200, MEDIA.get(ext), in.readAllBytes(), null);
        }
    }
}

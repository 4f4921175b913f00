package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An uploaded bundle's request as {@link IngestJobs} takes it: a zip by its media type and by its first bytes, no larger
 * than the largest upload, not empty; and the name it is shown under.
 */
final class UploadBody {
    private static final List<String> ZIP_TYPES = List.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream", "multipart/x-zip");

    private UploadBody() {
    }

    /** Refuses (415) a request whose media type is not one a zip is sent as. */
    static void requireZipType(Exchange x) {
        String type = x.header("Content-Type");
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!ZIP_TYPES.contains(base)) {
            throw new ApiError(415, "error.ingest.type", type == null ? "–" : base);
        }
    }

    /**
     * Writes the request's body to {@code zip}: refused (413) once it passes {@code maxBytes}, refused when empty (400) or
     * when it does not start as a zip does (415). The caller deletes the file when this throws.
     */
    static void save(Exchange x, Path zip, long maxBytes) throws IOException {
        long n = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        try (InputStream in = x.body(); OutputStream out = Files.newOutputStream(zip)) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r && headLen < 4; i++) {
                    head[headLen++] = buf[i];
                }
                n += r;
                if (n > maxBytes) {
                    throw new ApiError(413, "error.ingest.too-large-read", mb(maxBytes));
                }
                out.write(buf, 0, r);
            }
        }
        if (n == 0) {
            throw ApiError.badRequest("error.ingest.empty");
        }
        // A zip starts with a local file header (PK\3\4), or is empty (PK\5\6).
        boolean zipMagic = headLen == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        if (!zipMagic) {
            throw new ApiError(415, "error.ingest.not-zip");
        }
    }

    /** The upload's own name as shown: without control characters, at most 200 characters. */
    static String safeName(String name) {
        String n = name.replaceAll("[\\p{Cntrl}]", "");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    /** Bytes as whole megabytes, rounded up (for the limits' words). */
    static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}

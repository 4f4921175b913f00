package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Tika's detector, told a file's media type when it was detected already. {@link TikaExtractor} detects a
 * file's type before it parses (to choose how), and Tika's {@code AutoDetectParser} then detected it again from
 * the same bytes and the same metadata: every pattern of Tika's type registry tried against the file's start
 * twice, a sixth of a worker's CPU on the generated bundle. The first detection's answer is now kept in the
 * file's metadata ({@link #remember}) and given back once, to the parse of the same file; every other question
 * (embedded documents, a type the user overrides, a picture cleaned for OCR) goes to Tika's detector. A file
 * whose detection opened it as a container (a zip, an Office package, an OLE file) is detected again, as
 * before: Tika's parser then reads the container its detector opened.
 */
final class DetectedOnce implements Detector {
    private static final long serialVersionUID = 1L;
    /** Metadata name of the remembered type (removed when it is given back). */
    static final String KEY = "X-Evidens-Detected-Once";

    private final Detector detector;

    DetectedOnce(Detector detector) {
        this.detector = detector;
    }

    /** Detects {@code in}'s type; remembers it in {@code metadata} for the parse when no container was opened. */
    MediaType detectAndRemember(TikaInputStream in, Metadata metadata) throws IOException {
        MediaType type = detector.detect(in, metadata);
        if (in.getOpenContainer() == null && type != null) {
            metadata.set(KEY, type.toString());
        }
        return type;
    }

    /** Forgets a remembered type, so the next detection asks Tika's detector. */
    static void forget(Metadata metadata) {
        metadata.remove(KEY);
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        String known = metadata.get(KEY);
        if (known != null) {
            metadata.remove(KEY);
            if (metadata.get(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE) == null) {
                return MediaType.parse(known);
            }
        }
        return detector.detect(input, metadata);
    }
}

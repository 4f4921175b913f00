package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tika's default detector (its detectors in its order, the answer the most specialised of theirs, exactly as
 * {@link CompositeDetector} picks it), which does not ask Tika's type registry ({@link MimeTypes}, always the last
 * detector) when what the detectors before it found cannot be made more specific by any answer it can give.
 *
 * <p>{@code MimeTypes} tries its magic patterns over a file's first 64 KB (0.6 to 1 ms a file; a quarter of a
 * worker's reading threads), and the composite keeps its answer only where it is a specialisation of the type found
 * so far. Its answers are types of its registry (matched by magic, name or XML root), so once a container detector
 * has named a type that no type of the registry specialises (an Office package, an Outlook message), the answer is
 * settled and the patterns' run is skipped. A content-type hint in the metadata can name a type outside the
 * registry, so with one the registry is always asked. Tika has no setting for this, hence the subclass.
 */
final class SettledTypeDetector extends CompositeDetector {
    private static final long serialVersionUID = 1L;
    private final MediaTypeRegistry registry;
    /** Every type some type of the registry is a specialisation of (its supertypes, to the root). */
    private final Set<MediaType> specialised = new HashSet<>();

    private SettledTypeDetector(MediaTypeRegistry registry, List<Detector> detectors) {
        super(registry, detectors);
        this.registry = registry;
        for (MediaType type : registry.getTypes()) {
            for (MediaType up = registry.getSupertype(type); up != null; up = registry.getSupertype(up)) {
                specialised.add(up);
            }
        }
    }

    /**
     * Over {@code detector}'s detectors when it is a composite ending in Tika's registry; otherwise
     * {@code detector} itself.
     */
    static Detector over(Detector detector, MediaTypeRegistry registry) {
        if (detector instanceof CompositeDetector composite) {
            List<Detector> detectors = composite.getDetectors();
            if (!detectors.isEmpty() && detectors.get(detectors.size() - 1) instanceof MimeTypes) {
                return new SettledTypeDetector(registry, detectors);
            }
        }
        return detector;
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        if (overridden(metadata) || metadata.get(Metadata.CONTENT_TYPE) != null) {
            return super.detect(input, metadata);
        }
        MediaType type = MediaType.OCTET_STREAM;
        for (Detector detector : getDetectors()) {
            if (detector instanceof MimeTypes && settled(type)) {
                break;
            }
            MediaType detected = detector.detect(input, metadata);
            if (registry.isSpecializationOf(detected, type)) {
                type = detected;
            }
        }
        return type;
    }

    /** Whether no type of the registry is a specialisation of {@code type}. */
    boolean settled(MediaType type) {
        return !specialised.contains(type);
    }

    private static boolean overridden(Metadata metadata) {
        return metadata.get(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE) != null
                || metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE) != null;
    }
}

package no.evidens.pipeline.extract;

import java.util.ArrayList;
import java.util.List;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/** An e-mail's subject as its heading: Tika keeps it in the metadata only, so it is put before the body. */
final class MailHeading {
    private MailHeading() {
    }

    /** An e-mail's subject is its heading: the first line of its text. */
    static String withSubject(String text, Metadata metadata, String mediaType) {
        String subject = metadata.get(TikaCoreProperties.SUBJECT);
        if (subject == null) {
            subject = metadata.get(TikaCoreProperties.TITLE);
        }
        boolean mail = mediaType != null && (mediaType.startsWith("message/rfc822") || mediaType.startsWith("application/vnd.ms-outlook"));
        if (!mail || subject == null || subject.isBlank() || text.stripLeading().startsWith(subject.strip())) {
            return text;
        }
        return subject.strip() + "\n\n" + text;
    }

    static List<Integer> shifted(List<Integer> pageStarts, int by) {
        if (by == 0) {
            return pageStarts;
        }
        List<Integer> out = new ArrayList<>();
        out.add(0);
        pageStarts.stream().skip(1).forEach(p -> out.add(p + by));
        return out;
    }
}

package no.evidens.pipeline.web;

import java.io.IOException;

import no.evidens.findings.FindingsRefusal;
import no.evidens.pipeline.findings.NotFound;

/**
 * The web's answer when the findings service says the case has no such finding or quotation: 404,
 * with the web's own wording for quotations; a field the store finds too long, as a 400 naming the field. Other mistakes the service reports
 * ({@link IllegalArgumentException}) become 400 in {@link ApiFailures}.
 */
final class FindingsErrors {
    private FindingsErrors() {
    }

    /** A call of the findings service. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (NotFound.UnknownItem e) {
            throw e.actualCase() == null ? ApiError.notFound("error.quotation-unknown", e.id())
                    : ApiError.notFound("error.quotation-other-case", e.id(), e.caseId());
        } catch (FindingsRefusal e) {
            // a field longer than the store keeps: said with the field's label, and which field it is
            if ("error.field.longer-than".equals(e.key()) && e.args().size() == 3) {
                String field = e.args().get(0);
                throw ApiError.badField(field, "error.field.longer-than", FieldLabels.of(field), e.args().get(1), e.args().get(2));
            }
            throw e;
        } catch (NotFound e) {
            // worded from its key when it has one (ErrorTexts); its English message is never shown
            throw e.key() != null ? ApiError.notFound(e.key(), e.args().toArray()) : ApiError.notFound("error.not-found");
        }
    }

    /** A call that reads no file: as {@link #call}, without the checked exception. */
    static <T> T callUnchecked(java.util.function.Supplier<T> call) {
        try {
            return call(call::get);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

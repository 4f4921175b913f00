package no.evidens.pipeline.ingest;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;

/**
 * The ingest route's own steps with an {@link Error} (out of memory, a stack overflow) turned into their file's failure.
 * Camel's processors, its choice and its idempotent consumer take exceptions only: an error thrown at them left the
 * file's exchange unfinished, and the ingest waiting for ever with every thread idle (rounds 51 and 52). Each step of
 * ours in the route (a processor, a choice's test, the duplicate check's key and look-up) goes through here, so that the
 * error reaches the route's handling as an exception that says what it was.
 */
final class StepErrors {
    private StepErrors() {
    }

    /** A step whose error is its file's or document's failure. */
    static Processor processor(Processor step) {
        return ex -> {
            try {
                step.process(ex);
            } catch (Error error) {
                throw unexpected(error);
            }
        };
    }

    /** A choice's test whose error is its file's or document's failure. */
    static Predicate predicate(Predicate test) {
        return new Predicate() {
            @Override
            public boolean matches(Exchange ex) {
                try {
                    return test.matches(ex);
                } catch (Error error) {
                    throw new Failed(error);
                }
            }

            @Override
            public void init(CamelContext context) {
                test.init(context);
            }
        };
    }

    /** An expression (the duplicate check's key) whose error is its file's failure. */
    static Expression expression(Expression value) {
        return new Expression() {
            @Override
            public <T> T evaluate(Exchange ex, Class<T> type) {
                try {
                    return value.evaluate(ex, type);
                } catch (Error error) {
                    throw new Failed(error);
                }
            }

            @Override
            public void init(CamelContext context) {
                value.init(context);
            }
        };
    }

    /** An error as a failure of ours: its class and message (never the document's text, which an error does not hold). */
    static ExtractionException unexpected(Error error) {
        return new ExtractionException(Reason.UNEXPECTED, error.toString(), error);
    }

    /** The failure a route's handler records for what it caught: the error's, when a step without checked exceptions met one. */
    static Exception failureOf(Exception caught) {
        return caught instanceof Failed failed ? failed.failure() : caught;
    }

    /** An error met by a step that may throw no checked exception (a test, an expression, the idempotent repository). */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(Error error) {
            super(unexpected(error));
        }

        ExtractionException failure() {
            return (ExtractionException) getCause();
        }
    }
}

package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.ExtractionException;

/**
 * An error in a choice's test or in the duplicate check's key (Camel's own steps, which take exceptions only) reaches
 * the route's handler as the file's failure, said with what it was, and the exchange ends; the next one goes on.
 */
class StepErrorsTest {
    @Test
    void anErrorInATestOrAKeyIsTheFailureTheHandlerRecords() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        List<String> passed = new CopyOnWriteArrayList<>();
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:file")
                        .onException(Exception.class).handled(true).process(ex -> {
                            Exception e = StepErrors.failureOf(ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                            handled.add(ex.getIn().getBody(String.class) + ": " + ((ExtractionException) e).reason().text()
                                    + " (" + ((ExtractionException) e).detail() + ")");
                        }).end()
                        .idempotentConsumer(StepErrors.expression(new ExpressionAdapter() {
                            @Override
                            public Object evaluate(Exchange ex) {
                                String body = ex.getIn().getBody(String.class);
                                if (body.startsWith("huge")) {
                                    throw new OutOfMemoryError("Java heap space");
                                }
                                return body;
                            }
                        }), MemoryIdempotentRepository.memoryIdempotentRepository())
                        .choice()
                            .when(StepErrors.predicate(ex -> {
                                if (ex.getIn().getBody(String.class).startsWith("deep")) {
                                    throw new StackOverflowError();
                                }
                                return false;
                            }))
                                .process(ex -> passed.add("never"))
                            .otherwise()
                                .process(ex -> passed.add(ex.getIn().getBody(String.class)))
                        .end();
            }
        });
        camel.start();
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                producer.sendBody("direct:file", "deep.txt");
                producer.sendBody("direct:file", "huge.txt");
                producer.sendBody("direct:file", "plan.txt");
            });
        } finally {
            camel.stop();
        }
        assertEquals(List.of("deep.txt: unexpected error while processing the file (java.lang.StackOverflowError)",
                "huge.txt: unexpected error while processing the file (java.lang.OutOfMemoryError: Java heap space)"), handled);
        assertEquals(List.of("plan.txt"), passed);
    }
}

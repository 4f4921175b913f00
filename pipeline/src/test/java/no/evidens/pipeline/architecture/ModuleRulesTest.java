package no.evidens.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module rules: {@code models}, {@code index}, {@code findings} and {@code access} know nothing of
 * each other, of {@code solr} or of {@code pipeline}; {@code solr} knows only {@code index} (it implements
 * its seam); records carry data across, and the pipeline puts them together.
 */
class ModuleRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.evidens");

    @Test
    void modelsKnowsNoOtherModule() {
        rule("no.evidens.models..", "no.evidens.index..", "no.evidens.findings..", "no.evidens.access..", "no.evidens.pipeline..", "no.evidens.solr..");
    }

    @Test
    void indexKnowsNoOtherModule() {
        rule("no.evidens.index..", "no.evidens.models..", "no.evidens.findings..", "no.evidens.access..", "no.evidens.pipeline..", "no.evidens.solr..");
    }

    @Test
    void findingsKnowsNoOtherModule() {
        rule("no.evidens.findings..", "no.evidens.models..", "no.evidens.index..", "no.evidens.access..", "no.evidens.pipeline..", "no.evidens.solr..");
    }

    @Test
    void accessKnowsNoOtherModule() {
        rule("no.evidens.access..", "no.evidens.models..", "no.evidens.index..", "no.evidens.findings..", "no.evidens.pipeline..", "no.evidens.solr..");
    }

    /** The SolrCloud engine implements the index's seam and knows no other module. */
    @Test
    void solrKnowsOnlyTheIndex() {
        rule("no.evidens.solr..", "no.evidens.models..", "no.evidens.findings..", "no.evidens.access..", "no.evidens.pipeline..");
    }

    private static void rule(String module, String... others) {
        noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("models, index, findings, access and solr are separate modules; only pipeline joins them")
                .check(CLASSES);
    }
}

package no.evidens.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module rules: {@code models}, {@code index}, {@code findings} and {@code access} know nothing of
 * each other or of {@code pipeline}; records carry data across, and the pipeline puts them together.
 */
class ModuleRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.evidens");

    @Test
    void modelsKnowsNoOtherModule() {
        rule("no.evidens.models..", "no.evidens.index..", "no.evidens.findings..", "no.evidens.access..", "no.evidens.pipeline..");
    }

    @Test
    void indexKnowsNoOtherModule() {
        rule("no.evidens.index..", "no.evidens.models..", "no.evidens.findings..", "no.evidens.access..", "no.evidens.pipeline..");
    }

    @Test
    void findingsKnowsNoOtherModule() {
        rule("no.evidens.findings..", "no.evidens.models..", "no.evidens.index..", "no.evidens.access..", "no.evidens.pipeline..");
    }

    @Test
    void accessKnowsNoOtherModule() {
        rule("no.evidens.access..", "no.evidens.models..", "no.evidens.index..", "no.evidens.findings..", "no.evidens.pipeline..");
    }

    private static void rule(String module, String... others) {
        noClasses().that().resideInAPackage(module)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("models, index, findings and access are separate modules; only pipeline joins them")
                .check(CLASSES);
    }
}

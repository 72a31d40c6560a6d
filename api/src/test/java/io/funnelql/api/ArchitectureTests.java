package io.funnelql.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of DESIGN.md's layout, over the production classes of all three modules: dependencies point
 * {@code api -> queries -> warehouse}, the query layer knows neither Spring nor GraphQL, and feature packages
 * do not depend on each other in circles. Plain JUnit tests calling ArchUnit's rules.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Under `verify` the warehouse's test helpers come from its test-jar, which the option above misses.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.funnelql");

    @Test
    void seesTheClassesOfEveryModule() {
        assertThat(CLASSES.containPackage("io.funnelql.warehouse")).isTrue();
        assertThat(CLASSES.containPackage("io.funnelql.queries")).isTrue();
        assertThat(CLASSES.containPackage("io.funnelql.api")).isTrue();
    }

    @Test
    void warehouseDependsOnNeitherQueriesNorApi() {
        noClasses().that().resideInAPackage("io.funnelql.warehouse..")
                .should().dependOnClassesThat().resideInAnyPackage("io.funnelql.queries..", "io.funnelql.api..")
                .check(CLASSES);
    }

    @Test
    void queriesDependOnNeitherApiNorSpringNorGraphQl() {
        noClasses().that().resideInAPackage("io.funnelql.queries..")
                .should().dependOnClassesThat().resideInAnyPackage("io.funnelql.api..", "org.springframework..", "graphql..")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.funnelql.(*).(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}

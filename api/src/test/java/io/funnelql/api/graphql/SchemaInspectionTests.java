package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;

import io.funnelql.api.FunnelqlProperties;

/**
 * Spring GraphQL's schema inspection over the whole application: every schema field has a data fetcher (a
 * controller method or a property of the returned type) and every controller mapping names a schema field.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "funnelql.database=" + FunnelqlProperties.IN_MEMORY)
@Import(SchemaInspectionTests.CaptureReport.class)
class SchemaInspectionTests {

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    CaptureReport capture;

    @Test
    void everySchemaFieldIsMappedAndEveryMappingIsInTheSchema() {
        assertThat(graphQlSource.schema()).isNotNull();
        assertThat(capture.reports).singleElement().satisfies(report -> {
            assertThat(report.unmappedFields()).as(report::toString).isEmpty();
            assertThat(report.unmappedRegistrations()).as(report::toString).isEmpty();
            assertThat(report.unmappedArguments()).as(report::toString).isEmpty();
            assertThat(report.fieldNullnessErrors()).as(report::toString).isEmpty();
            assertThat(report.argumentNullnessErrors()).as(report::toString).isEmpty();
            assertThat(report.skippedTypes()).as(report::toString).isEmpty();
        });
    }

    /** Keeps the inspection report that the application would only log. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CaptureReport {

        final List<SchemaReport> reports = new CopyOnWriteArrayList<>();

        @Bean
        GraphQlSourceBuilderCustomizer captureSchemaReport() {
            return builder -> builder.inspectSchemaMappings(reports::add);
        }
    }
}

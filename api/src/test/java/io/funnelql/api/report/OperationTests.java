package io.funnelql.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OperationTests {

    static final Set<String> REPORTS = Set.of("funnel", "traffic");

    @Test
    void aQueryOfReportsOnlyIsCacheable() {
        assertThat(Operation.of("{ funnel(input: {}) { totals { count } } t: traffic { total { sessions { value } } } }",
                null, REPORTS)).isEqualTo(Operation.CACHEABLE);
        assertThat(Operation.of("query A { loads { loadId } } query B { funnel { totals { count } } }", "B", REPORTS))
                .isEqualTo(Operation.CACHEABLE);
    }

    @Test
    void anyOtherTopLevelFieldFragmentOrDirectiveIsNot() {
        assertThat(Operation.of("{ funnel { totals { count } } loads { loadId } }", null, REPORTS))
                .isEqualTo(Operation.OTHER);
        assertThat(Operation.of("{ ...F } fragment F on Query { funnel { totals { count } } }", null, REPORTS))
                .isEqualTo(Operation.OTHER);
        assertThat(Operation.of("{ funnel @skip(if: true) { totals { count } } }", null, REPORTS))
                .isEqualTo(Operation.OTHER);
        assertThat(Operation.of("{ __schema { types { name } } }", null, REPORTS)).isEqualTo(Operation.OTHER);
    }

    @Test
    void documentsThatDoNotParseOrNameNoOperationAreLeftToGraphQl() {
        assertThat(Operation.of("{ funnel {", null, REPORTS)).isEqualTo(Operation.OTHER);
        assertThat(Operation.of("query A { funnel { totals { count } } }", "B", REPORTS)).isEqualTo(Operation.OTHER);
        assertThat(Operation.of("query A { funnel { x } } query B { traffic { x } }", null, REPORTS))
                .isEqualTo(Operation.OTHER);
    }

    @Test
    void aMutationIsAMutation() {
        assertThat(Operation.of("mutation { saveReport(name: \"x\") { id } }", null, REPORTS)).isEqualTo(Operation.MUTATION);
    }
}

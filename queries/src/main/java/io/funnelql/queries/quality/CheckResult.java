package io.funnelql.queries.quality;

import java.util.List;
import java.util.Objects;

/**
 * What one data-quality check found.
 *
 * @param count how many records (contacts, sessions, deals) or weeks have the problem; 0 when none
 * @param examples up to {@value #MAX_EXAMPLES} of them, as the check's {@link QualityCheck#exampleKind()} says
 */
public record CheckResult(QualityCheck check, long count, List<String> examples) {

    /** The most examples a check gives. */
    public static final int MAX_EXAMPLES = 10;

    public CheckResult {
        Objects.requireNonNull(check, "check");
        examples = List.copyOf(examples);
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException("at most " + MAX_EXAMPLES + " examples, got " + examples.size());
        }
    }

    /** The check's code: {@link #check()}, named as GraphQL names it. */
    public QualityCheck code() {
        return check;
    }

    public String title() {
        return check.title();
    }

    public String description() {
        return check.description();
    }

    public Severity severity() {
        return check.severity();
    }

    public ExampleKind exampleKind() {
        return check.exampleKind();
    }

    /** True when the check found something. */
    public boolean found() {
        return count > 0;
    }
}

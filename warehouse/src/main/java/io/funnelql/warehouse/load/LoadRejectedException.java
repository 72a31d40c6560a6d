package io.funnelql.warehouse.load;

import java.util.List;
import java.util.stream.Collectors;

import io.funnelql.warehouse.WarehouseException;

/**
 * A load found problems in its input and loaded nothing.
 *
 * <p>{@link #problems()} holds the first {@value #MAX_PROBLEMS} problems in file order;
 * {@link #totalProblems()} counts them all.
 */
public final class LoadRejectedException extends WarehouseException {

    private static final long serialVersionUID = 1L;

    /** At most this many problems are reported. */
    public static final int MAX_PROBLEMS = 100;

    private final transient List<LoadProblem> problems;
    private final long totalProblems;

    public LoadRejectedException(List<LoadProblem> problems, long totalProblems) {
        super(summary(problems, totalProblems));
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        this.totalProblems = Math.max(totalProblems, problems.size());
    }

    public LoadRejectedException(LoadProblem problem) {
        this(List.of(problem), 1);
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    public long totalProblems() {
        return totalProblems;
    }

    private static String summary(List<LoadProblem> problems, long total) {
        long count = Math.max(total, problems.size());
        String head = "Nothing was loaded: " + count + (count == 1 ? " problem" : " problems") + " found";
        String listed = problems.stream().limit(MAX_PROBLEMS).map(LoadProblem::toString)
                .collect(Collectors.joining("\n  ", ":\n  ", ""));
        String more = count > MAX_PROBLEMS ? "\n  … and " + (count - MAX_PROBLEMS) + " more" : "";
        return head + listed + more;
    }
}

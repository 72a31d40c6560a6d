package io.funnelql.warehouse.demo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.funnelql.warehouse.load.LoadResult;

/**
 * What a generation did: one load per dataset, in the order they ran, and the wall-clock time it took.
 *
 * @param loads one result per dataset; a dataset whose identical data was already loaded is a duplicate
 * @param elapsed from the first load's start to the last load's end
 */
public record GenerationReport(List<LoadResult> loads, Duration elapsed) {

    public GenerationReport {
        loads = List.copyOf(loads);
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative, got " + elapsed);
        }
    }

    /** Rows the loads brought, duplicates included (they report the rows of the earlier load). */
    public long rows() {
        return loads.stream().mapToLong(LoadResult::rows).sum();
    }

    /** True when every dataset was already there: the warehouse did not change. */
    public boolean allDuplicates() {
        return !loads.isEmpty() && loads.stream().allMatch(LoadResult::duplicate);
    }
}

/**
 * The query layer: funnel, traffic, revenue, cost and targets reports over a warehouse, in SQL, with no
 * web or GraphQL types. Each feature is a sub-package with one public service and its records.
 */
@NullMarked
package io.funnelql.queries;

import org.jspecify.annotations.NullMarked;

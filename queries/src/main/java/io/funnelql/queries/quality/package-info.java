/**
 * Data quality: checks of the current data that say where its numbers cannot be trusted as they are (role and
 * free-mail MQLs, MQLs stamped in bulk, stage dates out of order, deals without a known contact, unmapped and
 * unknown sources, weeks without data), each with a count and examples.
 * {@link io.funnelql.queries.quality.QualityService} is the entry point; docs/metrics.md ("Data quality")
 * defines every check.
 */
@NullMarked
package io.funnelql.queries.quality;

import org.jspecify.annotations.NullMarked;

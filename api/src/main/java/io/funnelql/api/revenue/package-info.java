/** The {@code revenue} GraphQL query. */
@NullMarked
package io.funnelql.api.revenue;

import org.jspecify.annotations.NullMarked;

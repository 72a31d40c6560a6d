/** The {@code cost} GraphQL query. */
@NullMarked
package io.funnelql.api.cost;

import org.jspecify.annotations.NullMarked;

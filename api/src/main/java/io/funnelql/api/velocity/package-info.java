/** The {@code velocity} GraphQL query. */
@NullMarked
package io.funnelql.api.velocity;

import org.jspecify.annotations.NullMarked;

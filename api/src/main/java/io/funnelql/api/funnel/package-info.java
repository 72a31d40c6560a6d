/** The {@code funnel} GraphQL query. */
@NullMarked
package io.funnelql.api.funnel;

import org.jspecify.annotations.NullMarked;

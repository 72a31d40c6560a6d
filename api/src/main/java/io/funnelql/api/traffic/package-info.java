/** The {@code traffic} GraphQL query. */
@NullMarked
package io.funnelql.api.traffic;

import org.jspecify.annotations.NullMarked;

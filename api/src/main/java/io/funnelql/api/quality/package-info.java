/** The {@code dataQuality} GraphQL query. */
@NullMarked
package io.funnelql.api.quality;

import org.jspecify.annotations.NullMarked;

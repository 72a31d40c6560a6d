/** GraphQL's {@code sources}: canonical sources, their channels, labels, counts and raw values. */
@NullMarked
package io.funnelql.api.source;

import org.jspecify.annotations.NullMarked;

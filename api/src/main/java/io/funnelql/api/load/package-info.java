/**
 * Loading data: {@code POST /api/loads/{dataset}}, the load history over HTTP and GraphQL's {@code loads}.
 */
@NullMarked
package io.funnelql.api.load;

import org.jspecify.annotations.NullMarked;

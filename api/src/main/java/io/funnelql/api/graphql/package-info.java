/**
 * What every GraphQL feature shares: the scalars ({@code Date}, {@code DateTime}) and the error advice that
 * turns exceptions into GraphQL errors.
 */
@NullMarked
package io.funnelql.api.graphql;

import org.jspecify.annotations.NullMarked;

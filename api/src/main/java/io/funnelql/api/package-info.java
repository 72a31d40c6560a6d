/**
 * The FunnelQL application: the jar's command line ({@link io.funnelql.api.FunnelqlMain}), the Spring Boot
 * application it serves ({@link io.funnelql.api.FunnelqlApplication}) and its settings. Features live in
 * sub-packages: {@code load}, {@code source}, {@code workspace}, {@code graphql}, {@code cli}.
 */
@NullMarked
package io.funnelql.api;

import org.jspecify.annotations.NullMarked;

/** What every report endpoint shares: the result cache and the request's cache choice. */
@NullMarked
package io.funnelql.api.report;

import org.jspecify.annotations.NullMarked;

/**
 * The sources a warehouse knows: canonical ids, their channels and labels, and the raw strings that
 * were normalised into them.
 */
@NullMarked
package io.funnelql.warehouse.source;

import org.jspecify.annotations.NullMarked;

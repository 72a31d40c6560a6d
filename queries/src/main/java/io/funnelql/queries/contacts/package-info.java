/** The contacts themselves, row by row, for analysts' exports. */
@NullMarked
package io.funnelql.queries.contacts;

import org.jspecify.annotations.NullMarked;

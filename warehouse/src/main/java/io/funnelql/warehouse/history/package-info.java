@NullMarked
package io.funnelql.warehouse.history;

import org.jspecify.annotations.NullMarked;

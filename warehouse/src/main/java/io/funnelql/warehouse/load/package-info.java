@NullMarked
package io.funnelql.warehouse.load;

import org.jspecify.annotations.NullMarked;

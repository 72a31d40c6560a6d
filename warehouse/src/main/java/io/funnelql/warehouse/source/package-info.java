@NullMarked
package io.funnelql.warehouse.source;

import org.jspecify.annotations.NullMarked;

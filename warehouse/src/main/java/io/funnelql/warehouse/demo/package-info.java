@NullMarked
package io.funnelql.warehouse.demo;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.funnelql.api;

import org.jspecify.annotations.NullMarked;

/**
 * The jar's subcommands: {@code serve}, {@code load}, {@code generate}, {@code loads}. All but {@code serve}
 * work on the warehouse file directly, without Spring.
 */
@NullMarked
package io.funnelql.api.cli;

import org.jspecify.annotations.NullMarked;

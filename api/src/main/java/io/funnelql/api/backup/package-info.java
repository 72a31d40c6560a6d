/** Backups of a running server's warehouses: {@code POST /api/backup}. */
@NullMarked
package io.funnelql.api.backup;

import org.jspecify.annotations.NullMarked;

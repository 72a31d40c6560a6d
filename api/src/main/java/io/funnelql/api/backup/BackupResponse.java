package io.funnelql.api.backup;

import java.time.Instant;

/**
 * A backup just written.
 *
 * @param workspace the workspace whose warehouse was copied
 * @param file the copy's file name in the backup directory ({@code funnelql.backup.directory})
 * @param bytes its size
 * @param at when the copy was taken
 */
record BackupResponse(String workspace, String file, long bytes, Instant at) {
}

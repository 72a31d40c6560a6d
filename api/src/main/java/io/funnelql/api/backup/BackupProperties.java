package io.funnelql.api.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code funnelql.backup.*} properties.
 *
 * @param directory where {@code POST /api/backup} writes its copies, one file per backup; requests cannot name
 *        another place
 */
@ConfigurationProperties("funnelql.backup")
public record BackupProperties(@DefaultValue("./backups") Path directory) {
}

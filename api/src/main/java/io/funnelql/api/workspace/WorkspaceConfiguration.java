package io.funnelql.api.workspace;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.warehouse.Warehouse;

/**
 * Opens the workspaces on start-up (so that a warehouse held by another process stops the start with a
 * clear message) and closes them on shutdown ({@link Workspaces#close()} is the bean's destroy method).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceConfiguration.class);

    @Bean
    Workspaces workspaces(FunnelqlProperties properties) {
        return Workspaces.of(properties.demo() ? DemoWorkspace.create(Workspaces.DEFAULT, properties)
                : open(Workspaces.DEFAULT, properties));
    }

    private static Workspace open(String name, FunnelqlProperties properties) {
        if (properties.inMemory()) {
            log.info("Workspace '{}': a warehouse in memory (time zone {}); its data is lost when the server stops",
                    name, properties.timeZone().getId());
            return new Workspace(name, Warehouse.inMemory(properties.warehouseSettings()));
        }
        Warehouse warehouse = Warehouse.open(Path.of(properties.database()), properties.warehouseSettings());
        log.info("Workspace '{}': warehouse {} (time zone {})", name, warehouse.describe(), properties.timeZone().getId());
        return new Workspace(name, warehouse);
    }
}

package io.funnelql.api.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.api.FunnelqlProperties.NamedWorkspace;
import io.funnelql.warehouse.Warehouse;

/**
 * Opens the workspaces on start-up (so that a warehouse held by another process stops the start with a
 * clear message) and closes them on shutdown ({@link Workspaces#close()} is the bean's destroy method):
 * {@value Workspaces#DEFAULT} over {@code funnelql.database}, then one per {@code funnelql.workspaces.<name>}.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceConfiguration.class);

    @Bean
    Workspaces workspaces(FunnelqlProperties properties) {
        if (properties.demo()) {
            if (!properties.workspaces().isEmpty()) {
                log.info("Demo mode: the workspaces {} are not opened; only the demo warehouse is served",
                        properties.workspaces().keySet());
            }
            return Workspaces.of(DemoWorkspace.create(Workspaces.DEFAULT, properties));
        }
        Map<String, NamedWorkspace> databases = new LinkedHashMap<>();
        databases.put(Workspaces.DEFAULT, new NamedWorkspace(properties.database()));
        properties.workspaces().forEach((name, workspace) -> {
            Workspaces.checkName(name);
            if (name.equals(Workspaces.DEFAULT)) {
                throw new IllegalArgumentException("funnelql.workspaces.default cannot be configured: the default "
                        + "workspace is funnelql.database");
            }
            databases.put(name, workspace);
        });
        checkDistinctFiles(databases);
        List<Workspace> opened = new ArrayList<>();
        try {
            databases.forEach((name, workspace) -> opened.add(open(name, workspace, properties)));
        } catch (RuntimeException e) {
            opened.forEach(Workspace::close);
            throw e;
        }
        return new Workspaces(opened);
    }

    private static Workspace open(String name, NamedWorkspace database, FunnelqlProperties properties) {
        if (database.inMemory()) {
            log.info("Workspace '{}': a warehouse in memory (time zone {}); its data is lost when the server stops",
                    name, properties.timeZone().getId());
            return new Workspace(name, Warehouse.inMemory(properties.warehouseSettings()));
        }
        Warehouse warehouse = Warehouse.open(Path.of(database.database()), properties.warehouseSettings());
        log.info("Workspace '{}': warehouse {} (time zone {})", name, warehouse.describe(), properties.timeZone().getId());
        return new Workspace(name, warehouse);
    }

    /** Two workspaces over one file would share data (and DuckDB holds a file once per process). */
    private static void checkDistinctFiles(Map<String, NamedWorkspace> databases) {
        Map<Path, String> byFile = new HashMap<>();
        databases.forEach((name, workspace) -> {
            if (!workspace.inMemory()) {
                String other = byFile.putIfAbsent(Path.of(workspace.database()).toAbsolutePath().normalize(), name);
                if (other != null) {
                    throw new IllegalArgumentException("The workspaces '" + other + "' and '" + name + "' name the same "
                            + "warehouse file " + workspace.database() + "; each workspace needs a file of its own");
                }
            }
        });
    }
}

package io.funnelql.api.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspaces this server serves, and which one the current request works on.
 *
 * <p>Code that needs a warehouse asks {@link #current()}; nothing holds a warehouse of its own. Today there
 * is one workspace, {@value #DEFAULT}, and every request is served by it. When API keys map to workspaces
 * (one warehouse per agency client), {@link #current()} is the one place that looks the key up.
 */
public final class Workspaces implements AutoCloseable {

    /** The name of the workspace every request is served by, until requests name their own. */
    public static final String DEFAULT = "default";

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);

    private final Map<String, Workspace> byName = new LinkedHashMap<>();

    /** @param workspaces the open workspaces, closed with this; one must be {@value #DEFAULT} */
    public Workspaces(Collection<Workspace> workspaces) {
        for (Workspace workspace : workspaces) {
            if (byName.putIfAbsent(workspace.name(), workspace) != null) {
                throw new IllegalArgumentException("Two workspaces are named '" + workspace.name() + "'");
            }
        }
        if (!byName.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("There must be a workspace named '" + DEFAULT + "'");
        }
    }

    /** One workspace, {@value #DEFAULT}, over {@code workspace}'s warehouse. */
    public static Workspaces of(Workspace workspace) {
        return new Workspaces(List.of(workspace));
    }

    /** The workspace of the request being served: {@value #DEFAULT}, until API keys name workspaces. */
    public Workspace current() {
        return byName.get(DEFAULT);
    }

    /** Every workspace, the default first. */
    public Collection<Workspace> all() {
        return List.copyOf(byName.values());
    }

    /** Closes every workspace's warehouse; a failure to close one does not keep the others open. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Workspace workspace : byName.values()) {
            try {
                workspace.close();
            } catch (RuntimeException e) {
                log.warn("Closing {} failed: {}", workspace, e.getMessage());
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}

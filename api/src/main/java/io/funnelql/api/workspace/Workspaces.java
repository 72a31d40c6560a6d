package io.funnelql.api.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The workspaces this server serves, and which one the current request works on.
 *
 * <p>Code that needs a warehouse asks {@link #current()}; nothing holds a warehouse of its own. A request's
 * workspace is the one its API key belongs to (the security layer authenticates it as a
 * {@link WorkspaceMember}); a request without one, and code outside requests, is served by {@value #DEFAULT}.
 */
public final class Workspaces implements AutoCloseable {

    /** The workspace {@code funnelql.database} names; requests that name none are served by it. */
    public static final String DEFAULT = "default";

    /** What a workspace name may look like: it appears in property names, keys and messages. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);

    private final Map<String, Workspace> byName = new LinkedHashMap<>();

    /** @param workspaces the open workspaces, closed with this; one must be {@value #DEFAULT} */
    public Workspaces(Collection<Workspace> workspaces) {
        for (Workspace workspace : workspaces) {
            checkName(workspace.name());
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

    /**
     * The workspace of the request being served: the one its authentication names, else {@value #DEFAULT}.
     *
     * @throws IllegalStateException when the request's authentication names a workspace this server does not
     *         serve (the security layer refuses such requests before they get here)
     */
    public Workspace current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WorkspaceMember member) {
            return find(member.workspace()).orElseThrow(() -> new IllegalStateException(
                    "The request acts for workspace '" + member.workspace() + "', which this server does not serve"));
        }
        return byName.get(DEFAULT);
    }

    /** The workspace named {@code name}, if this server serves it. */
    public Optional<Workspace> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names of the workspaces, in the order they were given. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * Checks a workspace name: lower-case letters, digits, {@code -} and {@code _}, starting with a letter or digit.
     *
     * @throws IllegalArgumentException naming the rule
     */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a workspace name: use lower-case letters, digits, "
                    + "'-' and '_' (at most 63 characters), such as acme or client-2");
        }
        return name;
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

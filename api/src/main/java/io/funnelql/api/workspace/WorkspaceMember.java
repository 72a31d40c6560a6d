package io.funnelql.api.workspace;

/**
 * Who a request acts for: a member of one workspace. The security layer puts one into the request's
 * authentication (an API key's holder), and {@link Workspaces#current()} serves that workspace.
 */
public interface WorkspaceMember {

    /** The name of the workspace the request may use; it never sees another's. */
    String workspace();
}

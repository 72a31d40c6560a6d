package io.funnelql.warehouse.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API key may do. Each role includes the ones before it: {@link #LOAD} may read, {@link #ADMIN} may
 * load and read.
 */
public enum KeyRole {

    /** Reports (GraphQL), exports and the load history. */
    READ,

    /** Loads, and everything {@link #READ} may do. */
    LOAD,

    /** Creating, listing and revoking the workspace's keys, and everything {@link #LOAD} may do. */
    ADMIN;

    /** The role's name as commands and the API write it: {@code read}, {@code load}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a key with this role may do what {@code needed} allows. */
    public boolean includes(KeyRole needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named {@code id}, in any case. */
    public static Optional<KeyRole> byId(String id) {
        return Arrays.stream(values()).filter(role -> role.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    /** "read, load, admin"; for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(KeyRole::id).collect(Collectors.joining(", "));
    }
}

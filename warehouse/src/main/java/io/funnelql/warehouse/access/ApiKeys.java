package io.funnelql.warehouse.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseException;

/**
 * The API keys of one warehouse: created, listed, revoked, and looked up by the key a request presents.
 *
 * <p>A key is {@value #PREFIX} followed by 43 characters encoding 256 random bits; the warehouse stores its
 * SHA-256 (hex) and never the key, so a copy of the file cannot be used to get in. Key writes do not take the
 * warehouse's write lock: they touch only {@code api_keys}, which loads never write, so a key can be created
 * or revoked while a long load runs.
 */
public final class ApiKeys {

    /** How every key starts, so that a leaked key is easy to recognise (and to search for). */
    public static final String PREFIX = "fql_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String INSERT = """
            INSERT INTO api_keys (key_id, workspace, role, sha256, name, created_at) VALUES (?, ?, ?, ?, ?, ?)""";

    private static final String SELECT = "SELECT key_id, workspace, role, name, created_at, revoked_at, sha256 FROM api_keys";

    private static final String REVOKE = "UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL";

    private final Warehouse warehouse;

    public ApiKeys(Warehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /**
     * Creates a key.
     *
     * @param workspace the workspace the warehouse is served as; the key works there only
     * @param name a label for lists ({@code dashboard}); blank or {@code null}: none
     * @return the record and the key itself, which is not kept anywhere
     */
    public IssuedKey create(String workspace, KeyRole role, @Nullable String name) {
        Objects.requireNonNull(role, "role");
        if (workspace.isBlank()) {
            throw new IllegalArgumentException("A key needs a workspace");
        }
        String label = name == null || name.isBlank() ? null : name.strip();
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        ApiKey key = new ApiKey(HexFormat.of().formatHex(randomBytes(6)), workspace, role, label,
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        try (Connection connection = warehouse.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, key.id());
            insert.setString(2, key.workspace());
            insert.setString(3, key.role().id());
            insert.setString(4, sha256(secret));
            insert.setString(5, key.name());
            insert.setObject(6, Timestamp.from(key.createdAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new WarehouseException("Cannot store the new key in warehouse " + warehouse.describe() + ": " + e.getMessage(), e);
        }
        return new IssuedKey(key, secret);
    }

    /** Every key, revoked ones too, oldest first. */
    public List<ApiKey> list() {
        return read(" ORDER BY created_at, key_id").values().stream().toList();
    }

    /**
     * The keys that work, by the SHA-256 (hex) of the key: what a server holds in memory to check requests
     * without a query each. Nothing here can be used as a key.
     */
    public Map<String, ApiKey> activeByDigest() {
        return new HashMap<>(read(" WHERE revoked_at IS NULL"));
    }

    /**
     * Revokes a key; it stops working at once on a server that revokes it, and on the next start elsewhere.
     *
     * @return the revoked key; empty when no key has that id or it was revoked before
     */
    public Optional<ApiKey> revoke(String id) {
        try (Connection connection = warehouse.connect(); PreparedStatement revoke = connection.prepareStatement(REVOKE)) {
            revoke.setObject(1, Timestamp.from(Instant.now()));
            revoke.setString(2, id.strip());
            if (revoke.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot revoke key " + id + " in warehouse " + warehouse.describe() + ": " + e.getMessage(), e);
        }
        return list().stream().filter(key -> key.id().equals(id.strip())).findFirst();
    }

    /** The hex SHA-256 of a key as presented, the form the warehouse stores. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The keys a clause after the SELECT picks, by digest, in its order. */
    private Map<String, ApiKey> read(String clause) {
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        try (Connection connection = warehouse.connect(); PreparedStatement select = connection.prepareStatement(SELECT + clause);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                KeyRole role = KeyRole.byId(rs.getString("role")).orElseThrow(() -> new WarehouseException(
                        "api_keys holds an unknown role; was the warehouse written by a newer FunnelQL?"));
                keys.put(rs.getString("sha256"), new ApiKey(rs.getString("key_id"), rs.getString("workspace"), role,
                        rs.getString("name"), Objects.requireNonNull(instant(rs, "created_at")), instant(rs, "revoked_at")));
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the keys of warehouse " + warehouse.describe() + ": " + e.getMessage(), e);
        }
        return keys;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

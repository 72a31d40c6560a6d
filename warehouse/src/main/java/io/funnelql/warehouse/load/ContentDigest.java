package io.funnelql.warehouse.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.funnelql.warehouse.WarehouseException;

/**
 * The SHA-256 of a load's content, computed on its own thread while the load reads the same file, so that
 * hashing a large file adds little to the load's time. The digest is needed only to detect a duplicate
 * (and to record it), which a load can often rule out without it.
 */
final class ContentDigest {

    private final CompletableFuture<String> digest;

    private ContentDigest(CompletableFuture<String> digest) {
        this.digest = digest;
    }

    /** Starts hashing the file on a new daemon thread. */
    static ContentDigest of(Path file) {
        return new ContentDigest(CompletableFuture.supplyAsync(() -> sha256(file), task -> {
            Thread thread = new Thread(task, "funnelql-load-digest");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The digest of content already in memory (a generator's fingerprint). */
    static ContentDigest ofText(String text) {
        return new ContentDigest(CompletableFuture.completedFuture(sha256(text.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The hex SHA-256, waiting for it if need be.
     *
     * @throws WarehouseException when the file could not be read
     */
    String hex() {
        try {
            return digest.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            throw new WarehouseException("Cannot read the file to load: " + (cause == null ? e : cause).getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package io.funnelql.warehouse.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats a load reads; detected from the content, never from the name. */
public enum InputFormat {
    CSV("text/csv"),
    PARQUET("application/vnd.apache.parquet"),
    /** Arrow IPC, stream or file format. */
    ARROW("application/vnd.apache.arrow.stream");

    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
    private static final byte[] ARROW_FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
    private static final byte[] ARROW_CONTINUATION = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private static final int SNIFF_BYTES = 8192;

    private final String mediaType;

    InputFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The HTTP media type users send this format with. */
    public String mediaType() {
        return mediaType;
    }

    /** The format a media type names ({@code text/csv; charset=utf-8} too), if any. */
    public static Optional<InputFormat> byMediaType(String mediaType) {
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)
                || (f == ARROW && type.equals("application/vnd.apache.arrow.file"))
                || (f == PARQUET && type.equals("application/x-parquet"))).findFirst();
    }

    /**
     * Detects the format from the first bytes of a file.
     *
     * @throws LoadRejectedException for an empty file, or one that is none of the formats (binary content
     *         that is not Parquet or Arrow)
     */
    static InputFormat detect(Path file, String fileName) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName, "cannot read the file: " + e.getMessage()));
        }
        if (head.length == 0) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName, "the file is empty"));
        }
        if (startsWith(head, PARQUET_MAGIC)) {
            return PARQUET;
        }
        if (startsWith(head, ARROW_FILE_MAGIC) || startsWith(head, ARROW_CONTINUATION)) {
            return ARROW;
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            throw new LoadRejectedException(LoadProblem.ofFile(fileName,
                    "the file is encoded as UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and load it again"));
        }
        for (byte b : head) {
            if (b == 0) {
                throw new LoadRejectedException(LoadProblem.ofFile(fileName,
                        "this is not a CSV, Parquet or Arrow file (it holds binary data); "
                                + "export the data as CSV with a header row, or as Parquet"));
            }
        }
        return CSV;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}

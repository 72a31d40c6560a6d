package io.funnelql.api.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.jspecify.annotations.Nullable;

/**
 * Writes an export table as CSV (RFC 4180, UTF-8, a header row): numbers as they are, dates ISO-8601,
 * instants in UTC ({@code 2024-06-01T10:00:00Z}), empty for null. A text cell a spreadsheet would run as a
 * formula (it starts with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so that
 * opening an export never runs what a CRM field held.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(ExportTable table, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (table instanceof ExportTable.Rows rows) {
            writeRows(rows, writer);
        } else {
            writeBatches((ExportTable.Batches) table, writer);
        }
        writer.flush();
    }

    private static void writeRows(ExportTable.Rows rows, Writer writer) throws IOException {
        header(writer, rows.columns().stream().map(ExportColumn::name).toList());
        while (rows.rows().hasNext()) {
            Object[] row = rows.rows().next();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    writer.write(',');
                }
                cell(writer, row[c]);
            }
            writer.write("\r\n");
        }
    }

    private static void writeBatches(ExportTable.Batches batches, Writer writer) throws IOException {
        VectorSchemaRoot root = batches.reader().getVectorSchemaRoot();
        header(writer, root.getSchema().getFields().stream().map(f -> f.getName()).toList());
        while (batches.reader().loadNextBatch()) {
            List<FieldVector> vectors = root.getFieldVectors();
            for (int r = 0; r < root.getRowCount(); r++) {
                for (int c = 0; c < vectors.size(); c++) {
                    if (c > 0) {
                        writer.write(',');
                    }
                    cell(writer, value(vectors.get(c), r));
                }
                writer.write("\r\n");
            }
        }
    }

    private static void header(Writer writer, List<String> names) throws IOException {
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) {
                writer.write(',');
            }
            text(writer, names.get(c));
        }
        writer.write("\r\n");
    }

    /** A value of an Arrow vector as the Java value a {@link ExportTable.Rows} would hold. */
    private static @Nullable Object value(FieldVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        if (vector instanceof TimeStampVector timestamp) {
            long raw = timestamp.get(index);
            ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
            long micros = switch (type.getUnit()) {
                case SECOND -> raw * 1_000_000;
                case MILLISECOND -> raw * 1_000;
                case MICROSECOND -> raw;
                case NANOSECOND -> raw / 1_000;
            };
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
        }
        if (vector instanceof DateDayVector date) {
            return LocalDate.ofEpochDay(date.get(index));
        }
        Object value = vector.getObject(index);
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return value;
    }

    static void cell(Writer writer, @Nullable Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof LocalDate) {
            writer.write(value.toString());
        } else if (value instanceof Instant instant) {
            writer.write(instant.toString());
        } else {
            text(writer, neutralised(value.toString()));
        }
    }

    /** Text a spreadsheet would take for a formula, made inert. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void text(Writer writer, String text) throws IOException {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            writer.write(text);
            return;
        }
        writer.write('"');
        writer.write(text.replace("\"", "\"\""));
        writer.write('"');
    }
}

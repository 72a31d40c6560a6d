package io.funnelql.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes an export table as an Arrow IPC stream, batch by batch. */
final class ArrowExport {

    /** Rows per Arrow batch for tables made in Java. */
    static final int BATCH_ROWS = 4096;

    private ArrowExport() {
    }

    static void write(ExportTable table, OutputStream out) throws IOException {
        if (table instanceof ExportTable.Batches batches) {
            try (ArrowStreamWriter writer = new ArrowStreamWriter(batches.reader().getVectorSchemaRoot(), null,
                    Channels.newChannel(out))) {
                writer.start();
                while (batches.reader().loadNextBatch()) {
                    writer.writeBatch();
                }
                writer.end();
            }
        } else {
            writeRows((ExportTable.Rows) table, out);
        }
    }

    private static void writeRows(ExportTable.Rows rows, OutputStream out) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (ExportColumn column : rows.columns()) {
            fields.add(new Field(column.name(), FieldType.nullable(arrowType(column.type())), null));
        }
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            int count = 0;
            root.allocateNew();
            while (rows.rows().hasNext()) {
                Object[] row = rows.rows().next();
                for (int c = 0; c < row.length; c++) {
                    set(root.getVector(c), rows.columns().get(c).type(), count, row[c]);
                }
                if (++count == BATCH_ROWS) {
                    root.setRowCount(count);
                    writer.writeBatch();
                    root.allocateNew();
                    count = 0;
                }
            }
            root.setRowCount(count);
            writer.writeBatch();
            writer.end();
        }
    }

    private static ArrowType arrowType(ExportColumn.Type type) {
        return switch (type) {
            case TEXT -> ArrowType.Utf8.INSTANCE;
            case INTEGER -> new ArrowType.Int(64, true);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        };
    }

    private static void set(FieldVector vector, ExportColumn.Type type, int index, Object value) {
        if (value == null) {
            vector.setNull(index);
            return;
        }
        switch (type) {
            case TEXT -> ((VarCharVector) vector).setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
            case INTEGER -> ((BigIntVector) vector).setSafe(index, ((Number) value).longValue());
            case FLOAT -> ((Float8Vector) vector).setSafe(index, ((Number) value).doubleValue());
            case BOOLEAN -> ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
            case DATE -> ((DateDayVector) vector).setSafe(index, (int) ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> ((TimeStampMicroTZVector) vector).setSafe(index,
                    ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value));
        }
    }
}

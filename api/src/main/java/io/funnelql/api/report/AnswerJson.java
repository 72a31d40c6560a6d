package io.funnelql.api.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a GraphQL answer's {@code data}, as UTF-8 bytes that Jackson writes out as they are.
 *
 * <p>An answer is maps, lists, strings, numbers, booleans and nulls, which Jackson's streaming generator
 * writes directly; going through the mapper instead looks up a serialiser for every value of every map (a
 * tenth of the time a 400 KB report took). Anything else is left to the mapper, so the bytes are the same
 * as {@code mapper.writeValueAsBytes(data)} ({@code AnswerJsonTests}).
 */
final class AnswerJson extends SerializedString {

    private AnswerJson(byte[] utf8) {
        super(new String(utf8, StandardCharsets.UTF_8));
        // The bytes the generator copies when it writes this as a raw value, instead of encoding the text again.
        _unquotedUTF8Ref = utf8;
    }

    /** The JSON of {@code data}, written with {@code mapper}'s settings. */
    static AnswerJson of(JsonMapper mapper, @Nullable Object data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            write(generator, data);
        }
        return new AnswerJson(out.toByteArray());
    }

    private static void write(JsonGenerator generator, @Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            generator.writePOJO(value);
        }
    }
}

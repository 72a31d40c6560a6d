package io.funnelql.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnswerJsonTests {

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesTheSameBytesAsTheMapper() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("period", Map.of("start", "2024-01-01"));
        row.put("source", null);
        row.put("label", "Café \"Zürich\" 東京\n\t\\ </script>");
        row.put("steps", List.of(Map.of("count", 3), Map.of("count", 2_147_483_648L)));
        row.put("rates", Arrays.asList(0.1 + 0.2, 1.0, 1.0E-7, 123456789.0, -0.0, Double.NaN, null));
        row.put("complete", true);
        row.put("other", new BigDecimal("1.50"));
        row.put("empty", new ArrayList<>());
        Map<String, Object> data = Map.of("funnel", Map.of("rows", List.of(row, Map.of())));

        AnswerJson json = AnswerJson.of(mapper, data);

        assertThat(json.asUnquotedUTF8()).isEqualTo(mapper.writeValueAsBytes(data));
        assertThat(json.getValue()).isEqualTo(new String(mapper.writeValueAsBytes(data), StandardCharsets.UTF_8));
    }
}

package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.funnelql.api.DemoServerTest;

/**
 * Runs every {@code graphql} example of docs/*.md against the server with demo data: each must answer without
 * errors, and where the doc shows the answer (the {@code json} block after it, in the same section) every field
 * the doc shows must be in the real answer, so that neither the queries nor the answers in the docs go stale.
 * Values are not compared: the demo data ends on the day the server starts.
 *
 * <p>An example that takes variables has them in a comment just before it:
 * {@code <!-- variables {"range": {"from": "2026-01-05", "to": "2026-03-29"}} -->}.
 */
@DemoServerTest
class DocsExamplesTests {

    static final Path DOCS = Path.of("..", "docs");
    static final Pattern EXAMPLE = Pattern.compile(
            "(?:<!-- variables (?<variables>\\{.*?}) -->\\s*)?```graphql\\n(?<document>.*?)```(?<after>.*?)(?=<!-- variables|```graphql|\\n## |\\z)",
            Pattern.DOTALL);
    static final Pattern ANSWER = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The queries of the dashboard page, which docs/dashboard.md shows as they are. */
    static final Path DASHBOARD_QUERIES = Path.of("src", "main", "resources", "static", "js", "dashboard", "queries.js");

    @Autowired
    HttpGraphQlTester graphQl;

    record Example(String doc, String document, Map<String, Object> variables, @Nullable String answer) {

        String name() {
            return doc + ": " + document.lines().findFirst().orElse(document);
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> docs = Files.list(DOCS)) {
            for (Path doc : docs.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                Matcher example = EXAMPLE.matcher(Files.readString(doc));
                while (example.find()) {
                    Matcher answer = ANSWER.matcher(example.group("after"));
                    examples.add(new Example(doc.getFileName().toString(), example.group("document"), variables(example.group("variables")),
                            answer.find() ? answer.group(1) : null));
                }
            }
        }
        return examples;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(@Nullable String json) {
        return json == null ? Map.of() : JSON.readValue(json, Map.class);
    }

    @Test
    void theGuidesHaveExamples() throws IOException {
        assertThat(examples()).filteredOn(example -> example.doc().equals("graphql.md")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(examples()).filteredOn(example -> example.doc().equals("dashboard.md")).hasSize(5);
    }

    /** The GraphQL reference shows the answer of every example. */
    @Test
    void everyExampleOfTheReferenceShowsItsAnswer() throws IOException {
        assertThat(examples()).filteredOn(example -> example.doc().equals("graphql.md"))
                .allSatisfy(example -> assertThat(example.answer()).as(example.name()).isNotNull());
    }

    /** docs/dashboard.md shows the page's queries exactly as the page sends them. */
    @Test
    void theDashboardGuideShowsThePagesQueries() throws IOException {
        String page = Files.readString(DASHBOARD_QUERIES);
        List<Example> shown = examples().stream().filter(example -> example.doc().equals("dashboard.md")).toList();
        Matcher query = Pattern.compile("= `\\n(query .*?)`;", Pattern.DOTALL).matcher(page);
        List<String> sent = new ArrayList<>();
        while (query.find()) {
            sent.add(query.group(1).strip());
        }
        assertThat(sent).hasSize(5);
        assertThat(shown).map(example -> example.document().strip()).containsExactlyElementsOf(sent);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAnswersAsItsDocShows() throws IOException {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            Object data = graphQl.document(example.document()).variables(example.variables()).execute()
                    .errors().verify()
                    .path("").entity(Object.class).get();
            if (example.answer() != null) {
                JsonNode shown = JSON.readTree(example.answer());
                assertThat(shown.has("data")).as("%s: the answer shown has data", example.name()).isTrue();
                assertFieldsPresent(shown.get("data"), JSON.valueToTree(data), "data", example.name());
            }
        }));
    }

    /** Every field of {@code shown} is in {@code actual}; array elements are checked against the first actual one. */
    static void assertFieldsPresent(JsonNode shown, JsonNode actual, String path, String example) {
        if (shown.isObject()) {
            assertThat(actual.isObject()).as("%s: %s is an object", example, path).isTrue();
            for (String field : shown.propertyNames()) {
                assertThat(actual.has(field)).as("%s: the answer has %s.%s", example, path, field).isTrue();
                assertFieldsPresent(shown.get(field), actual.get(field), path + "." + field, example);
            }
        } else if (shown.isArray() && actual.isArray() && !actual.isEmpty()) {
            for (JsonNode element : shown) {
                assertFieldsPresent(element, actual.get(0), path + "[]", example);
            }
        }
    }
}

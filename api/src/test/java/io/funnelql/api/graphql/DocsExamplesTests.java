package io.funnelql.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;

/** Runs every {@code graphql} example of docs/graphql.md against the test server: each must answer without errors. */
@ServerTest
class DocsExamplesTests {

    static final Path GRAPHQL_DOC = Path.of("..", "docs", "graphql.md");
    static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    @Autowired
    HttpGraphQlTester graphQl;

    static List<String> examples() throws IOException {
        Matcher block = GRAPHQL_BLOCK.matcher(Files.readString(GRAPHQL_DOC));
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            examples.add(block.group(1));
        }
        return examples;
    }

    @Test
    void theGuideHasExamples() throws IOException {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(2);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAnswersWithoutErrors() throws IOException {
        return examples().stream().map(example -> DynamicTest.dynamicTest(example.lines().findFirst().orElse(example),
                () -> graphQl.document(example).execute().errors().verify()));
    }
}

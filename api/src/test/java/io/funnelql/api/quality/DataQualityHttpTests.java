package io.funnelql.api.quality;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.funnelql.api.ServerTest;
import io.funnelql.api.load.LoadService;

/**
 * The data-quality report over real HTTP against the running server. The server is shared with other tests, so the
 * data sits in September 2010, which no other test uses, and the assertions are about checks of that month's
 * contacts and deals.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityHttpTests {

    static final String QUERY = """
            query quality($input: DataQualityInput!) {
              dataQuality(input: $input) {
                from to bulkMqlThreshold timeZone weekStart
                checks { code severity count }
                problems { code title description severity count examples exampleKind }
              }
            }""";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    LoadService loads;

    void load(String dataset, String csv) {
        loads.load(dataset, "text/csv", "http-quality-" + dataset + ".csv", List.of(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeAll
    void load() {
        // q1 an MQL at info@, q2 at gmail.com, q3 a customer dated before its MQL; deal qd1's contact is unknown.
        load("contacts", """
                contact_id,created_at,source,email,mql_at,customer_at
                http-q1,2010-09-06,ORGANIC_SEARCH,info@quality-test.com,2010-09-07,
                http-q2,2010-09-07,ORGANIC_SEARCH,someone@gmail.com,2010-09-08,
                http-q3,2010-09-08,ORGANIC_SEARCH,ceo@quality-test.com,2010-09-20,2010-09-15
                """);
        load("deals", "deal_id,amount,closed_at,contact_id\nhttp-qd1,100,2010-09-10,http-q-ghost\n");
    }

    @Test
    void answersTheChecksOverHttp() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2010-09-01", "to", "2010-09-30"));

        HttpGraphQlTester.Response response = graphQl.document(QUERY).variable("input", input).execute();

        response.path("dataQuality.from").entity(String.class).isEqualTo("2010-09-01")
                .path("dataQuality.bulkMqlThreshold").entity(Integer.class).isEqualTo(20)
                .path("dataQuality.timeZone").entity(String.class).isEqualTo("UTC")
                .path("dataQuality.weekStart").entity(String.class).isEqualTo("MONDAY")
                .path("dataQuality.checks").entityList(Object.class).hasSize(14)
                .path("dataQuality.checks[0].code").entity(String.class).isEqualTo("ROLE_ADDRESS_MQLS")
                .path("dataQuality.problems[0].code").entity(String.class).isEqualTo("ROLE_ADDRESS_MQLS")
                .path("dataQuality.problems[0].title").entity(String.class).isEqualTo("MQLs with role addresses")
                .path("dataQuality.problems[0].severity").entity(String.class).isEqualTo("WARNING")
                .path("dataQuality.problems[0].count").entity(Integer.class).isEqualTo(1)
                .path("dataQuality.problems[0].examples").entityList(String.class).containsExactly("http-q1")
                .path("dataQuality.problems[0].exampleKind").entity(String.class).isEqualTo("CONTACT_ID")
                .path("dataQuality.problems[1].code").entity(String.class).isEqualTo("FREE_MAIL_MQLS")
                .path("dataQuality.problems[1].examples").entityList(String.class).containsExactly("http-q2")
                .path("dataQuality.problems[2].code").entity(String.class).isEqualTo("STAGES_OUT_OF_ORDER")
                .path("dataQuality.problems[2].examples").entityList(String.class).containsExactly("http-q3")
                .path("dataQuality.problems[3].code").entity(String.class).isEqualTo("DEALS_WITH_UNKNOWN_CONTACT")
                .path("dataQuality.problems[3].severity").entity(String.class).isEqualTo("ERROR")
                .path("dataQuality.problems[3].examples").entityList(String.class).containsExactly("http-qd1");
    }

    @Test
    void badInputIsABadRequestWithAMessage() {
        Map<String, Object> input = Map.of("range", Map.of("from", "2010-09-01", "to", "2010-09-30"), "bulkMqlThreshold", 1);

        graphQl.document(QUERY).variable("input", input).execute().errors()
                .expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage() != null
                        && error.getMessage().equals("bulkMqlThreshold must be 2 to 1000000 (contacts entering MQL in the "
                        + "same minute); got 1"))
                .verify();
        graphQl.document(QUERY).variable("input", Map.of("range", Map.of("from", "2010-09-01", "to", "2010-09-30"),
                        "timeZone", "Mars/Olympus")).execute().errors()
                .expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage() != null
                        && error.getMessage().startsWith("Unknown time zone 'Mars/Olympus'"))
                .verify();
    }
}

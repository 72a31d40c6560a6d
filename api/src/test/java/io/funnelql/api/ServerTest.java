package io.funnelql.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole server on a random port over a warehouse in memory. Every test class with this annotation
 * shares one server (Spring's context cache), so tests assert on what they loaded themselves, not on totals.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "funnelql.database=" + FunnelqlProperties.IN_MEMORY)
@AutoConfigureHttpGraphQlTester
public @interface ServerTest {
}

package io.funnelql.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import io.funnelql.api.ServerTest;

/** The shared test server runs as a server without API keys does: on 127.0.0.1 only, workspaces picked by header. */
@ServerTest
class OpenServerTests {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> graphQl(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"query\": \"{ sources { source } }\"}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws IOException {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        try (Socket local = new Socket()) {
            local.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(network -> Collections.list(network.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && address.getAddress().length == 4).findFirst();
        assumeTrue(external.isPresent(), "this machine has no address besides the loopback one");
        assertThatThrownBy(() -> {
            try (Socket outside = new Socket()) {
                outside.connect(new InetSocketAddress(external.get(), port), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void aRequestMayNameItsWorkspaceAndAnUnknownOneIs404() throws Exception {
        assertThat(graphQl().statusCode()).isEqualTo(200);
        assertThat(graphQl("FunnelQL-Workspace", "default").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = graphQl("FunnelQL-Workspace", "globex");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Unknown workspace 'globex'. This server serves: default.\"}");
    }

    @Test
    void aWildcardContentTypeIs415NotAServerError() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "*/*").GET().build(), BodyHandlers.ofString());
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "text/*").POST(BodyPublishers.ofString("{\"query\": \"{ sources { source } }\"}"))
                .build(), BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(415);
        assertThat(page.body()).contains("The Content-Type '*/*' names no one type of body");
        assertThat(query.statusCode()).isEqualTo(415);
    }
}

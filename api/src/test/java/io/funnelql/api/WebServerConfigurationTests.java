package io.funnelql.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The running server writes responses through a 64 KB socket buffer. */
@ServerTest
class WebServerConfigurationTests {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void tomcatWritesThroughTheLargerBuffer() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(String.valueOf(64 * 1024));
    }
}

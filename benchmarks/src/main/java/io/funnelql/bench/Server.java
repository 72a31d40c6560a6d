package io.funnelql.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.funnelql.api.FunnelqlApplication;
import io.funnelql.api.workspace.Workspaces;
import io.funnelql.warehouse.Warehouse;

/**
 * The real FunnelQL server, started in this JVM on a random local port over one warehouse file, as
 * {@code serve --db FILE} starts it. In the same JVM so that the harness can run SQL directly on the very
 * DuckDB database the server reads (a DuckDB file has one owner process) and read its memory use.
 */
final class Server implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final URI base;

    private Server(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts the server with its default settings (the result cache on, the query timeout and size limits as
     * they are), except the port, the warehouse file, the memory limit and quieter logging, and with API keys
     * off (their default, said explicitly so a changed default cannot make every request a 401).
     */
    static Server start(Path database, @Nullable String memoryLimit) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--funnelql.database=" + database, "--funnelql.security.enabled=false", "--logging.level.root=WARN"));
        if (memoryLimit != null) {
            arguments.add("--funnelql.memory-limit=" + memoryLimit);
        }
        SpringApplication application = new SpringApplication(FunnelqlApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Server(context, port);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The warehouse the server reads: the same DuckDB database, not a second one on the same file. */
    Warehouse warehouse() {
        return bean(Workspaces.class).current().warehouse();
    }

    @Override
    public void close() {
        context.close();
    }
}

package org.vigil.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.support.FrozenServer;
import org.vigil.support.IntegrationTest;

/**
 * A database that stops answering (a hung server, a frozen virtual machine, a network partition that drops packets
 * silently) must turn into a prompt, explicit error, not into requests that hang forever holding every thread and
 * connection: 21 CFR 11.10(a) asks for a system whose failures are detectable and reliable. Vigil's JDBC settings
 * ({@code vigil.db.connect-timeout}, {@code vigil.db.socket-timeout}) provide that; these tests build the pool the
 * way the application does ({@link DatabaseConfiguration#pool}) with short timeouts and show both a database that
 * never answers a new connection and one that stops answering in the middle of a query.
 *
 * <p>{@code assertTimeoutPreemptively} bounds each test only so that a regression fails instead of hanging the build;
 * the bounds are far above the configured timeouts and are not what is being checked.
 */
@IntegrationTest
class FrozenDatabaseTests {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Autowired
    DatabaseEndpoints endpoints;

    /**
     * A server that accepts the TCP connection and never answers the PostgreSQL handshake: building the pool fails
     * with an error that names the database and says the connection attempt timed out, whose cause is the driver's
     * SQLException. Source:
     * 21 CFR 11.10(a).
     */
    @Test
    void a_database_that_accepts_connections_but_never_answers_fails_the_pool_with_a_clear_sql_error()
            throws IOException {
        try (FrozenServer frozen = FrozenServer.start()) {
            long start = System.nanoTime();
            Throwable failure = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowable(() -> {
                try (var pool = DatabaseConfiguration.pool(frozen.jdbcUrl("vigil"), endpoints.app(), null,
                        timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
                    pool.getConnection().close();
                }
            }));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.printf("Frozen database (never answers a new connection): the pool failed after %d ms: %s%n",
                    millis, failure);

            assertThat(frozen.connectionsAccepted()).as("the driver reached the frozen server").isPositive();
            assertThat(failure).isNotNull();
            assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause).isInstanceOf(SQLException.class));
            assertThat(failure.getMessage()).startsWith("Could not connect to the database " + frozen.jdbcUrl("vigil"))
                    .containsIgnoringCase("timed out");
        }
    }

    /**
     * A pooled connection whose server stops answering in the middle of its work: the next statement fails with an
     * SQLException once the socket timeout has passed, and a new connection cannot be had from the frozen server
     * either; both are errors the request handling turns into a failed request, not a hang. Source: 21 CFR
     * 11.10(a).
     */
    @Test
    void a_database_that_stops_answering_mid_query_fails_the_statement_after_the_socket_timeout() throws Exception {
        EmbeddedPostgresServer server = endpoints.embeddedServer();
        try (FreezableProxy proxy = new FreezableProxy(server.port());
                HikariDataSource pool = DatabaseConfiguration.pool(
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database(),
                        endpoints.app(), null, timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(answer(statement)).as("the database answers through the proxy").isEqualTo(1);

                proxy.freeze();
                long start = System.nanoTime();
                Throwable failure = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowable(() ->
                        answer(statement)));
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                System.out.printf("Frozen database (stopped answering mid-query): the statement failed after %d ms:"
                        + " %s%n", millis, failure);

                assertThat(failure).isInstanceOf(SQLException.class);
                assertThat(messages(failure)).containsIgnoringCase("timed out");
            }

            long start = System.nanoTime();
            Throwable noConnection = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowable(() ->
                    pool.getConnection().close()));
            System.out.printf("Frozen database: a new connection was refused after %d ms: %s%n",
                    Duration.ofNanos(System.nanoTime() - start).toMillis(), noConnection);
            assertThat(noConnection).isInstanceOf(SQLException.class);
        }
    }

    private String database() {
        String url = endpoints.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static int answer(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static DatabaseProperties timeouts(Duration connect, Duration socket) {
        return new DatabaseProperties(null, null, null, null, null, "vigil_app", 2, connect, socket,
                List.of("shared", "audit", "organisation"));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String messages(Throwable failure) {
        return String.join(" | ", causes(failure).stream().map(String::valueOf).toList());
    }

    /**
     * A TCP proxy in front of the real database that can stop forwarding: after {@link #freeze()} bytes are still
     * read from both sides but never passed on, so each side waits for an answer that never comes.
     */
    static final class FreezableProxy implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final int target;
        private final List<Socket> sockets = new ArrayList<>();
        private volatile boolean frozen;
        private volatile boolean closed;

        FreezableProxy(int target) throws IOException {
            this.target = target;
            Thread.ofPlatform().daemon().name("proxy-accept").start(this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        void freeze() {
            frozen = true;
        }

        private void accept() {
            while (!closed) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    synchronized (sockets) {
                        sockets.add(client);
                        sockets.add(server);
                    }
                    Thread.ofPlatform().daemon().name("proxy-up").start(() -> pump(client, server));
                    Thread.ofPlatform().daemon().name("proxy-down").start(() -> pump(server, client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (frozen && !closed) {
                        Thread.sleep(50);
                    }
                    if (closed) {
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            listener.close();
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}

package org.vigil.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frozen database server: it listens on the loopback interface, accepts every TCP connection and then never reads
 * or answers, the way a hung or frozen PostgreSQL looks from the outside (the kernel still completes the handshake).
 */
public final class FrozenServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> accepted = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private FrozenServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().daemon().name("frozen-database-" + listener.getLocalPort()).start(
                this::acceptForever);
    }

    /** Listens on a free loopback port. */
    public static FrozenServer start() throws IOException {
        return new FrozenServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** A PostgreSQL JDBC URL pointing at this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** How many connections were accepted (and left unanswered) so far. */
    public int connectionsAccepted() {
        return connections.get();
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
            accepted.clear();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.vigil.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small HTTP/1.1 client for the load driver: persistent connections kept in a pool, blocking I/O on the caller's
 * (virtual) thread, requests and answers written and read by hand. The driver shares the machine's CPU with Vigil and
 * PostgreSQL, and the JDK's {@code HttpClient} took about 0.76 ms of CPU per request here, a third of what a submission
 * may cost in all at 1,000 per second; this takes a fraction of it, so the figures say more about Vigil.
 *
 * <p>Only what the driver needs: {@code POST} with a body, answers with {@code Content-Length} or chunked, a server
 * closing a connection ({@code Connection: close}, an idle timeout). A request that fails on a connection taken from
 * the pool is sent once more on a new one: the server may have closed it while it waited, and every request the
 * driver sends carries an {@code Idempotency-Key}, so sending it again is safe.
 */
final class LeanHttpClient {

    /** An answer: its status and body. */
    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    LeanHttpClient(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
    }

    Response post(String path, Map<String, String> headers, String body) throws IOException {
        byte[] request = request(path, headers, body.getBytes(StandardCharsets.UTF_8));
        Connection pooled = idle.poll();
        if (pooled != null) {
            try {
                return exchange(pooled, request);
            } catch (IOException stale) {
                pooled.close();
            }
        }
        return exchange(new Connection(host, port), request);
    }

    private Response exchange(Connection connection, byte[] request) throws IOException {
        try {
            var response = connection.exchange(request);
            if (connection.reusable) {
                idle.add(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private byte[] request(String path, Map<String, String> headers, byte[] body) {
        var head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                .append(':').append(port).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[start.length + body.length];
        System.arraycopy(start, 0, whole, 0, start.length);
        System.arraycopy(body, 0, whole, start.length, body.length);
        return whole;
    }

    /** One persistent connection; used by one request at a time. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean reusable = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("Not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> reusable &= !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            var body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";", 2)[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                byte[] read = in.readNBytes((int) length);
                if (read.length != length) {
                    throw new IOException("The answer ended early");
                }
                body.write(read);
            } else {
                body.write(in.readAllBytes());
                reusable = false;
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var text = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = text.length();
                    return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
                }
                text.append((char) c);
            }
            throw new IOException("The connection closed");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}

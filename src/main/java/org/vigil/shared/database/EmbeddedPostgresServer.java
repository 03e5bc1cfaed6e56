package org.vigil.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's own PostgreSQL server, used when no production database is configured. Its data folder survives restarts.
 *
 * <p>Unlike a throw-away test database it is run for durability: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on, so a write Vigil has acknowledged survives a crash of Vigil or of the machine.
 * Every login needs a password (kept in {@code db-secrets.properties} in the data folder, readable by its owner only),
 * and the server listens on the loopback interface only.
 *
 * <p>Layout of the data folder: {@code postgres/} (the cluster), {@code postgres.log}, {@code db-secrets.properties}
 * and {@code vigil.lock}, which a running Vigil holds so that two processes never share one folder.
 *
 * <p>One server runs per data folder and JVM; further Spring contexts in the same JVM (tests) share it.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** PostgreSQL's own default; enough for one Vigil with its pool of 10 and the tools an operator connects. */
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
    private static final String HBA_MARKER = "# Written by Vigil";
    private static final String SUPERUSER = "postgres";
    private static final String OWNER = "vigil_owner";

    private final Path folder;
    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Properties secrets;
    private int users;

    private EmbeddedPostgresServer(Path folder, EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock,
            Properties secrets) {
        this.folder = folder;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.secrets = secrets;
    }

    /**
     * Starts the server for {@code folder}, or joins the one this JVM already runs there. Every call must be paired
     * with {@link #release()}.
     */
    public static EmbeddedPostgresServer acquire(Path folder, boolean cleanFirst) {
        return acquire(folder, cleanFirst, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * As {@link #acquire(Path, boolean)}, with the server's {@code max_connections} when this call starts it (a test
     * run keeps many application contexts, each with its pool, alive at once).
     */
    public static EmbeddedPostgresServer acquire(Path folder, boolean cleanFirst, int maxConnections) {
        Path key = folder.toAbsolutePath().normalize();
        synchronized (RUNNING) {
            EmbeddedPostgresServer server = RUNNING.get(key);
            if (server == null) {
                server = start(key, cleanFirst, maxConnections);
                RUNNING.put(key, server);
            }
            server.users++;
            return server;
        }
    }

    /** Stops the server once the last user has released it. */
    public void release() {
        synchronized (RUNNING) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(folder);
        }
        try {
            postgres.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly", folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The owner login (runs migrations) and its password. */
    public Login ownerLogin() {
        return new Login(OWNER, secrets.getProperty(OWNER));
    }

    /** The login for the running application; a role created without ownership and without BYPASSRLS. */
    public Login appLogin(String appRole) {
        return new Login(appRole, secrets.getProperty(appRole));
    }

    /** The cluster superuser, for administrative tests and tools only. */
    public Login superuserLogin() {
        return new Login(SUPERUSER, secrets.getProperty(SUPERUSER));
    }

    public record Login(String user, String password) {
    }

    /**
     * Creates, when missing, the owner and application roles and {@code database} owned by the owner. The roles'
     * passwords are (re)set from the secrets file so the file stays the single source of truth.
     */
    public void ensureDatabase(String database, String appRole) {
        ensureSecret(appRole);
        try (Connection connection = superuserDataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            ensureRole(statement, OWNER, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            ensureRole(statement, appRole, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT");
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(secrets.getProperty(SUPERUSER)));
            boolean exists;
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = " + literal(database))) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + OWNER
                        + " ENCODING 'UTF8' TEMPLATE template0");
            }
            hardenClientAuthentication(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database " + database + ": "
                    + e.getMessage(), e);
        }
    }

    private PGSimpleDataSource superuserDataSource(String database) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(SUPERUSER);
        dataSource.setPassword(secrets.getProperty(SUPERUSER));
        return dataSource;
    }

    private void ensureRole(Statement statement, String role, String attributes) throws SQLException {
        boolean exists;
        try (var rows = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = " + literal(role))) {
            exists = rows.next();
        }
        String verb = exists ? "ALTER" : "CREATE";
        statement.execute(verb + " ROLE " + identifier(role) + " " + attributes + " PASSWORD "
                + literal(secrets.getProperty(role)));
    }

    /**
     * initdb leaves local connections on "trust"; once every role has a password, Vigil requires passwords so that
     * other accounts on the same machine cannot read the data.
     */
    private void hardenClientAuthentication(Statement statement) throws SQLException, UncheckedIOException {
        Path hba = folder.resolve("postgres").resolve("pg_hba.conf");
        try {
            if (Files.readString(hba).startsWith(HBA_MARKER)) {
                return;
            }
            Files.writeString(hba, String.join("\n",
                    HBA_MARKER + ": every connection needs a password (see ../db-secrets.properties).",
                    "local   all   all                 scram-sha-256",
                    "host    all   all   127.0.0.1/32  scram-sha-256",
                    "host    all   all   ::1/128       scram-sha-256",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        statement.execute("SELECT pg_reload_conf()");
    }

    private static EmbeddedPostgresServer start(Path folder, boolean cleanFirst, int maxConnections) {
        FileChannel lockChannel = null;
        FileLock lock = null;
        try {
            if (cleanFirst) {
                deleteRecursively(folder);
            }
            Files.createDirectories(folder);
            lockChannel = FileChannel.open(folder.resolve("vigil.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("Another Vigil process is using the data folder " + folder
                        + ". Stop it, or start this one with --vigil.embedded-db.dir=<another folder>.");
            }
            Properties secrets = loadSecrets(folder);
            Path cluster = folder.resolve("postgres");
            stopOrphanedServer(cluster);
            Path logFile = folder.resolve("postgres.log");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("log_timezone", "UTC")
                    .setConnectConfig("password", secrets.getProperty(SUPERUSER))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofMinutes(3))
                    .start();
            log.info("Embedded PostgreSQL running on port {} with its data in {}", postgres.getPort(), folder);
            return new EmbeddedPostgresServer(folder, postgres, lockChannel, lock, secrets);
        } catch (IOException | RuntimeException e) {
            // Give the folder back, so that a later attempt in this JVM (or another process) can try again.
            release(lockChannel, lock);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + folder + ": "
                    + e.getMessage() + " (PostgreSQL's own messages are in " + folder.resolve("postgres.log") + ")",
                    e);
        }
    }

    private static void release(FileChannel lockChannel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the lock of the data folder", e);
        }
    }

    /**
     * A Vigil killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it). We hold the folder's lock, so no
     * other Vigil uses that server: ask it to stop, and kill it if it will not.
     */
    private static void stopOrphanedServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        Optional<String> commandLine = process.flatMap(handle -> handle.info().commandLine());
        if (process.isEmpty() || commandLine.isEmpty()) {
            return; // gone (PostgreSQL removes such a stale file itself), or not ours to judge
        }
        if (!runsCluster(commandLine.get(), cluster)) {
            // After a crash and a reboot the id is reused by an unrelated process, which PostgreSQL would take for a
            // running server and refuse to start. Never stop that process: the file is stale, remove it.
            log.warn("Removing the stale {}: process {} ({}) is not this folder's PostgreSQL", pidFile, pid,
                    commandLine.get());
            Files.delete(pidFile);
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running in {} by an earlier Vigil that did not shut down", pid,
                cluster);
        ProcessHandle postmaster = process.get();
        postmaster.destroy();
        if (!waitForExit(postmaster, Duration.ofSeconds(60))) {
            postmaster.destroyForcibly();
            waitForExit(postmaster, Duration.ofSeconds(30));
        }
    }

    /** Whether a process's command line is a PostgreSQL server started on {@code cluster}. */
    private static boolean runsCluster(String commandLine, Path cluster) {
        if (!commandLine.contains("postgres")) {
            return false;
        }
        if (commandLine.contains(cluster.toString())) {
            return true;
        }
        try {
            return commandLine.contains(cluster.toRealPath().toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static Properties loadSecrets(Path folder) throws IOException {
        Path file = folder.resolve("db-secrets.properties");
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        secrets.putIfAbsent(SUPERUSER, randomPassword());
        secrets.putIfAbsent(OWNER, randomPassword());
        secrets.putIfAbsent("vigil_app", randomPassword());
        storeSecrets(file, secrets);
        return secrets;
    }

    private void ensureSecret(String role) {
        if (secrets.getProperty(role) == null) {
            secrets.setProperty(role, randomPassword());
            try {
                storeSecrets(folder.resolve("db-secrets.properties"), secrets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void storeSecrets(Path file, Properties secrets) throws IOException {
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            secrets.store(out, "Passwords of Vigil's embedded PostgreSQL roles. Keep this file private.");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
        return name;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

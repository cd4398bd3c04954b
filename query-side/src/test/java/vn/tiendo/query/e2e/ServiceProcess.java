package vn.tiendo.query.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One service in a process of its own, started as a user starts it (its main class, on this JVM's class path) so that
 * it can be killed with SIGKILL and started again on the same port and database.
 */
final class ServiceProcess implements AutoCloseable {

    private final String mainClass;
    private final List<String> args;
    private final Path log;
    final int port;
    final String url;
    private Process process;

    ServiceProcess(String mainClass, List<String> args, Path log) throws IOException {
        this.mainClass = mainClass;
        this.port = freePort();
        this.args = new ArrayList<>(args);
        this.args.add("--server.port=" + port);
        this.log = log;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until its health endpoint answers. */
    Duration start() throws Exception {
        Instant begun = Instant.now();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(mainClass + " stopped at start-up; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(begun, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(mainClass + " did not start within 3 minutes; see " + log);
    }

    /**
     * The process's resident memory now and at its peak, in MiB, as the operating system counts it ({@code VmRSS} and
     * {@code VmHWM} in {@code /proc/<pid>/status}): what a machine must hold for this service.
     */
    long[] residentMiB() throws IOException {
        long now = 0;
        long peak = 0;
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                now = kibibytes(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kibibytes(line) / 1024;
            }
        }
        return new long[]{now, peak};
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Path logFile(String name) {
        File dir = new File("target/fault-scenarios");
        dir.mkdirs();
        return new File(dir, name + ".log").toPath();
    }
}

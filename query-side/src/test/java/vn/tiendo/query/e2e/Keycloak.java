package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Keycloak (the distribution Maven Central serves, unpacked by the build into target/keycloak) in development
 * mode, with the project's realm ({@code keycloak/tiendo-realm.json}) as committed, except that its users get a test
 * password instead of having to choose one at first sign-in.
 */
final class Keycloak implements AutoCloseable {

    static final String PASSWORD = "kc-test-only-password";

    private final Process process;
    final int port;

    private Keycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The realm's issuer as browsers and the services see it. */
    String issuer() {
        return "http://localhost:" + port + "/realms/tiendo";
    }

    static Keycloak start() throws Exception {
        Path home = Path.of(System.getProperty("tiendo.keycloak.home", "target/keycloak/keycloak-26.4.7"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home.toAbsolutePath() + ": run the build through Maven");
        }
        deleteRecursively(home.resolve("data"));   // a fresh realm each run: the import skips a realm that exists
        Path imports = Files.createDirectories(home.resolve("data/import"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(Path.of("..", "keycloak", "tiendo-realm.json").toFile());
        for (var user : (ArrayNode) realm.get("users")) {
            ObjectNode u = (ObjectNode) user;
            u.putArray("requiredActions");
            u.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        }
        json.writeValue(imports.resolve("tiendo-realm.json").toFile(), realm);
        int port = freePort();
        Path log = home.resolve("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--cache=local")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
        Keycloak keycloak = new Keycloak(builder.start(), port);
        try {
            keycloak.awaitRealm(log);
        } catch (Exception e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    private void awaitRealm(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped: see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not start in 3 minutes: see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package vn.tiendo.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.tiendo.command.CommandSideTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through an OIDC provider, with tokens signed here by a key whose public half the service is given (as
 * Keycloak's would be fetched from its issuer): the actor and agency in the events come from the token's claims.
 */
@CommandSideTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/tiendo_test_oidc")
class OidcSignInTest {

    private static final KeyPair KEYS = keys();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("tiendo-oidc", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aBearerTokenNamesTheActorAndTheAgency() throws Exception {
        String coordinator = token("nguoi-dung.so-khcn", "so-khcn", List.of("COORDINATOR", "offline_access"));
        assertThat(post("/api/agencies", """
                {"agencyId":"ubnd-tinh-oidc","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}""", coordinator)).isEqualTo(201);
        String meta = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = 'ubnd-tinh-oidc'", String.class);
        assertThat(json.readTree(meta).get("actor").asText()).isEqualTo("nguoi-dung.so-khcn");
        assertThat(json.readTree(meta).get("onBehalfOf").asText()).isEqualTo("so-khcn");
    }

    @Test
    void aTokenWithoutTheRoleOrWithABadSignatureIsRefused() throws Exception {
        String auditor = token("kiem-toan.oidc", "ubnd-tinh", List.of("AUDITOR"));
        assertThat(post("/api/agencies", """
                {"agencyId":"x-oidc","name":"X","kind":"PROVINCE"}""", auditor)).isEqualTo(403);
        String forged = auditor.substring(0, auditor.lastIndexOf('.') + 1) + "AAAA";
        assertThat(post("/api/agencies", """
                {"agencyId":"x-oidc","name":"X","kind":"PROVINCE"}""", forged)).isEqualTo(401);
    }

    @Test
    void aTokenIssuedForAnotherClientIsRefused() throws Exception {
        String forAnotherApp = sign(claims("nguoi-dung.so-khcn", "so-khcn").audience(List.of("account"))
                .claim("realm_access", Map.of("roles", List.of("COORDINATOR"))).build());
        assertThat(post("/api/agencies", """
                {"agencyId":"aud-oidc","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}""", forAnotherApp)).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = 'aud-oidc'",
                Long.class)).isZero();
    }

    @Test
    void rolesComeFromTheRealmOrThisApisClientRolesOnly() throws Exception {
        String genericRoles = sign(claims("nguoi-dung.so-khcn", "so-khcn").claim("roles", List.of("COORDINATOR")).build());
        assertThat(post("/api/agencies", """
                {"agencyId":"roles-oidc","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}""", genericRoles)).isEqualTo(403);
        String clientRoles = sign(claims("nguoi-dung.so-khcn", "so-khcn")
                .claim("resource_access", Map.of("tiendo-api", Map.of("roles", List.of("COORDINATOR")))).build());
        assertThat(post("/api/agencies", """
                {"agencyId":"roles-oidc","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}""", clientRoles)).isEqualTo(201);
    }

    @Test
    void anOfficerWithoutAnAgencyIsForbiddenNotAFailure() throws Exception {
        String noAgency = sign(claims("can-bo.khong-co", null).claim("realm_access", Map.of("roles", List.of("OFFICER"))).build());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(noAgency);
        var answer = http.exchange("/api/indicators/QD-1305-2025.A.1/reports", HttpMethod.POST, new HttpEntity<>("""
                {"period":"2025-11","value":{"kind":"PERCENT","value":50}}""", headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody()).contains("urn:tiendo:problem:forbidden");
    }

    private int post(String path, String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    private static String token(String username, String agency, List<String> realmRoles) throws Exception {
        return sign(claims(username, agency).claim("realm_access", Map.of("roles", realmRoles)).build());
    }

    /** A token as Keycloak issues it to the web client, with this API as its audience. */
    private static JWTClaimsSet.Builder claims(String username, String agency) {
        return new JWTClaimsSet.Builder()
                .subject(username + "-id")
                .claim("preferred_username", username)
                .claim("agency", agency)
                .claim("azp", "tiendo-web")
                .audience(List.of("tiendo-api", "account"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

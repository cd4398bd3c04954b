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

    private int post(String path, String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    private static String token(String username, String agency, List<String> realmRoles) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(username + "-id")
                .claim("preferred_username", username)
                .claim("agency", agency)
                .claim("realm_access", Map.of("roles", realmRoles))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
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

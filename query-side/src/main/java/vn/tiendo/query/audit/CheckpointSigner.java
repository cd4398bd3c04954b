package vn.tiendo.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.tiendo.shared.EventHash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs checkpoints with an Ed25519 key the database never sees, so that someone who can write to PostgreSQL cannot
 * make a checkpoint vouch for a rewritten store. The key pair is a file ({@code tiendo.audit.signing-key-file},
 * TIENDO_AUDIT_SIGNING_KEY_FILE: two lines, the private key as PKCS#8 and the public key as X.509, base64; made at
 * first start when the file is missing, readable by its owner only) on a volume the database's administrators cannot
 * reach. Rotation: a new key file signs from then on, and the
 * old public keys ({@code tiendo.audit.trusted-public-keys}, X.509 base64, comma-separated; the current key's public
 * half is printed at start-up) keep verifying the checkpoints they signed. Without a key file nothing is signed.
 */
@Component
public class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);
    private static final String ALGORITHM = "Ed25519";

    /** A signature and the id of the key that made it (the first 16 hex digits of the SHA-256 of its public key). */
    public record Signed(String keyId, String signature) {
    }

    private final PrivateKey privateKey;
    private final String keyId;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    public CheckpointSigner(@Value("${tiendo.audit.signing-key-file:}") String keyFile,
                            @Value("${tiendo.audit.trusted-public-keys:}") List<String> trustedPublicKeys) {
        try {
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            for (String encoded : trustedPublicKeys) {
                if (!encoded.isBlank()) {
                    PublicKey key = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded.trim())));
                    trusted.put(idOf(key), key);
                }
            }
            if (keyFile == null || keyFile.isBlank()) {
                privateKey = null;
                keyId = null;
                return;
            }
            Path path = Path.of(keyFile);
            if (!Files.exists(path)) {
                create(path);
            }
            List<String> lines = Files.readAllLines(path).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
            if (lines.size() != 2) {
                throw new IllegalArgumentException(path + " must hold two lines: the private key (PKCS#8) and the public key (X.509), base64");
            }
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
            keyId = idOf(publicKey);
            trusted.put(keyId, publicKey);
            log.info("Checkpoints are signed with Ed25519 key {}; its public key: {}", keyId, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint signing key cannot be read: " + e.getMessage(), e);
        }
    }

    public boolean signs() {
        return privateKey != null;
    }

    public Optional<Signed> sign(String statement) {
        if (privateKey == null) {
            return Optional.empty();
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new Signed(keyId, Base64.getEncoder().encodeToString(signature.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when a trusted key with this id signed exactly this statement. */
    public boolean holds(String statement, String keyId, String signature) {
        PublicKey key = keyId == null ? null : trusted.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(key);
            check.update(statement.getBytes(StandardCharsets.UTF_8));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void create(Path path) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the operator protects the file
        }
        log.warn("No checkpoint signing key at {}: made a new one", path);
    }

    private static String idOf(PublicKey key) {
        return HexFormat.of().formatHex(EventHash.sha256(key.getEncoded())).substring(0, 16);
    }
}

package nl.paraat.bundle;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation: the operator announces the next key before signing with it. A phone that trusts only the
 * keys of the bundle it already holds still accepts what is signed after the switch.
 */
class SigningKeyRotationTest {

    @TempDir
    Path folder;

    @Test
    void dataSignedWithTheAnnouncedNextKeyVerifiesWithTheKeysOfAnOlderBundle() throws Exception {
        ECKey first = key("paraat-2026-01");
        ECKey next = key("paraat-2026-07");
        Path before = write("before.jwks", new JWKSet(List.of(first, next)));
        Path after = write("after.jwks", new JWKSet(List.of(next, first.toPublicJWK())));

        JWKSet heldByPhone;
        try (EmbeddedServer server = start(before, first.getKeyID())) {
            HttpResponse<String> bundle = get(server, "/api/v1/bundle?region=VR04");
            // the keys the phone keeps from the bundle it downloaded
            Map<?, ?> parsed = server.getApplicationContext().getBean(io.micronaut.json.JsonMapper.class)
                    .readValue(bundle.body(), Map.class);
            heldByPhone = JWKSet.parse(Map.of("keys", List.copyOf(((Map<?, ?>) parsed.get("keys")).values())));
            assertThat(jws(bundle).getHeader().getKeyID()).isEqualTo(first.getKeyID());
        }
        assertThat(heldByPhone.getKeyByKeyId(next.getKeyID())).as("the next key is announced").isNotNull();
        assertThat(heldByPhone.getKeyByKeyId(next.getKeyID()).isPrivate()).isFalse();

        try (EmbeddedServer server = start(after, next.getKeyID())) {
            HttpResponse<String> bundle = get(server, "/api/v1/bundle?region=VR04");
            JWSObject signed = jws(bundle);

            assertThat(signed.getHeader().getKeyID()).isEqualTo(next.getKeyID());
            ECKey trusted = (ECKey) heldByPhone.getKeyByKeyId(signed.getHeader().getKeyID());
            assertThat(signed.verify(new ECDSAVerifier(trusted.toECPublicKey()))).isTrue();
            assertThat(JWKSet.parse(get(server, "/api/v1/keys").body()).getKeyByKeyId(first.getKeyID()))
                    .as("the earlier key stays published for data signed before the switch").isNotNull();
        }
    }

    @Test
    void aKeyFileWithoutAPrivateCurrentKeyStopsStartUp() throws Exception {
        ECKey only = key("public-only");
        Path file = write("public.jwks", new JWKSet(only.toPublicJWK()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(file, null).close())
                .hasStackTraceContaining("must be a private P-256 EC key");
    }

    private static ECKey key(String id) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).keyID(id).generate();
    }

    private Path write(String name, JWKSet keys) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, keys.toString(false));
        return file;
    }

    private static EmbeddedServer start(Path keys, String current) {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("paraat.signing.keys-file", keys.toString());
        if (current != null) {
            properties.put("paraat.signing.current-key-id", current);
        }
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JWSObject jws(HttpResponse<String> bundle) throws Exception {
        return JWSObject.parse(bundle.headers().firstValue("Paraat-Signature").orElseThrow(), new Payload(bundle.body()));
    }
}

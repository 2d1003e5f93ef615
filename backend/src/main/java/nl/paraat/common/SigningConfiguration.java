package nl.paraat.common;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param keysFile     a JWK Set (JSON) of ES256 keys: the key Paraat signs with, with its private part,
 *                     and the keys it announces (the next one, earlier ones) with or without. Created
 *                     with one new key when the file does not exist, for the embedded default; every
 *                     instance of a deployment must read the same file.
 * @param currentKeyId the {@code kid} to sign with; unset means the first key in the file
 */
@ConfigurationProperties("paraat.signing")
public record SigningConfiguration(@Bindable(defaultValue = "./data/signing-keys.jwks") String keysFile,
                                   @Nullable String currentKeyId) {
}

package nl.paraat.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param subject the identity provider's {@code sub} for the person, or the organisation's own identifier
 * @param name    the person's name as colleagues know it
 */
@Serdeable
record NewMemberRequest(@NotBlank @Size(max = 128) @Pattern(regexp = MemberService.SUBJECT) String subject,
                        @NotBlank @Size(max = 200) String name) {
}

package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** @param person how alerts and the audit log name this member */
@Serdeable
record MemberView(String subject, String name, String person, Instant createdAt, String createdBy,
                  @Nullable Instant removedAt, @Nullable String removedBy) {

    static MemberView of(Member member) {
        return new MemberView(member.subject(), member.displayName(), member.person(), member.createdAt(),
                member.createdBy(), member.removedAt(), member.removedBy());
    }
}

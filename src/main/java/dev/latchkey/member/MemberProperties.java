package dev.latchkey.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param invitationValidity how long an emailed invitation link works */
@ConfigurationProperties("latchkey.members")
public record MemberProperties(@DefaultValue("PT72H") Duration invitationValidity) {
}

package dev.latchkey.member;

/** An invitation as asked for: checked by {@link MemberService#invite}, which names the field at fault. */
public record NewMember(String email, String name, String role) {
}

package dev.latchkey.member.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.latchkey.member.Member;

/** A member as the Members table shows it. */
record MemberView(long id, String name, String email, String role, String roleName, String status,
		String statusClass, String lastSignIn, String added, boolean self) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	static MemberView of(Member member, long signedInId) {
		Instant lastSignIn = member.lastSignIn();
		return new MemberView(member.id().value(), member.label(), member.email(), member.role().label(),
				member.role().name(), member.status().label(), member.status().name().toLowerCase(Locale.ROOT),
				(lastSignIn != null) ? DATE_TIME.format(lastSignIn) : "Never", DATE.format(member.added()),
				member.id().value() == signedInId);
	}

	public boolean invited() {
		return "invited".equals(this.statusClass);
	}

	public boolean disabled() {
		return "disabled".equals(this.statusClass);
	}

}

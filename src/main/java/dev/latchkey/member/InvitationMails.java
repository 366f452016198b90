package dev.latchkey.member;

import java.time.Duration;

import dev.latchkey.LatchkeyProperties;
import dev.latchkey.mail.Email;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The invitation email: who invited whom to which tenant, and the link to choose a password. */
@Component
class InvitationMails {

	private final LatchkeyProperties latchkey;

	InvitationMails(LatchkeyProperties latchkey) {
		this.latchkey = latchkey;
	}

	Email invitation(Member member, String tenantName, String inviter, String token, Duration validity) {
		String link = this.latchkey.link("/accept-invitation?token=" + token);
		String hours = validity.toHours() + " hours";
		String text = """
				%s invited you to %s on Latchkey as %s.

				Open this link within %s to choose your password:

				%s

				The link works once. If you did not expect this invitation, ignore this email.
				""".formatted(inviter, tenantName, member.role().label(), hours, link);
		String html = """
				<p>%s invited you to %s on Latchkey as %s.</p>
				<p>Open this link within %s to choose your password:</p>
				<p><a href="%s">Accept the invitation</a></p>
				<p>Or copy this address into your browser: %s</p>
				<p>The link works once. If you did not expect this invitation, ignore this email.</p>
				""".formatted(html(inviter), html(tenantName), member.role().label(), hours, html(link), html(link));
		return new Email(member.email(), "You are invited to " + tenantName + " on Latchkey", text, html);
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}

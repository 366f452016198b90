package dev.latchkey.link;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.LatchkeyProperties;
import dev.latchkey.mail.Email;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.mail.Mailer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emailed single-use links: password reset, invitation, anything later. A link is
 * {@code <latchkey.base-url><purpose path>?token=…}; the token is 256 random bits of which only the SHA-256 is
 * stored; it works once, until it expires, and only while it is the newest link of its purpose and subject.
 *
 * <p>
 * A feature uses it in three steps:
 * <ol>
 * <li>{@link #issue} stores a new link (voiding any older one of the same purpose and subject) and emails it, once
 * the surrounding transaction has committed, so a link never arrives before it works;</li>
 * <li>the page the link opens calls {@link #check} with the token from the URL, keeps the returned
 * {@link LinkTicket} in the session and redirects to a URL without the token;</li>
 * <li>the form's submission calls {@link #consume} in the same transaction as its effect, so either both happen
 * or neither (and of two racing submissions only one succeeds).</li>
 * </ol>
 * {@link #revoke} voids a subject's link (re-inviting does that implicitly through {@link #issue}). Nothing here
 * tells an unknown link from a used, expired or superseded one.
 */
@Service
public class EmailLinks {

	private final EmailLinkStore store;

	private final MailTemplates templates;

	private final Mailer mailer;

	private final LatchkeyProperties latchkey;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	EmailLinks(EmailLinkStore store, MailTemplates templates, Mailer mailer, LatchkeyProperties latchkey, Clock clock) {
		this.store = store;
		this.templates = templates;
		this.mailer = mailer;
		this.latchkey = latchkey;
		this.clock = clock;
	}

	/**
	 * Issues a new link for a subject, voids its older links of the same purpose and emails the new one. The email
	 * is sent once the current transaction commits (and not at all if it rolls back), or at once outside one.
	 * @param subject what the link acts on, such as a user's id for {@link LinkPurpose#PASSWORD_RESET}
	 * @param validity how long the link works, such as 72 hours for an invitation
	 * @return when the link stops working
	 */
	public Instant issue(LinkPurpose purpose, long subject, Duration validity, LinkEmail email) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(validity);
		String token = LinkToken.generate(this.random);
		this.store.replace(purpose, subject, LinkToken.hash(token), now, expiresAt);
		Map<String, Object> variables = new HashMap<>(email.variables());
		variables.put("link", this.latchkey.link(purpose.path() + "?token=" + token));
		variables.put("validity", describe(validity));
		variables.put("expiresAt", MailTemplates.formatInstant(expiresAt));
		Email rendered = this.templates.render(email.to(), email.subject(), email.template(), variables);
		afterCommit(() -> this.mailer.send(rendered));
		return expiresAt;
	}

	/**
	 * Checks a token from a link's URL.
	 * @return the ticket to keep in the session, if the link is usable now
	 */
	public Optional<LinkTicket> check(LinkPurpose purpose, String token) {
		if (!LinkToken.isWellFormed(token)) {
			return Optional.empty();
		}
		String hash = LinkToken.hash(token);
		return this.store.findUsable(purpose, hash, this.clock.instant()).map((subject) -> new LinkTicket(purpose, hash));
	}

	/** @return the subject of the link, if it is still usable (not used, expired or superseded) */
	public Optional<Long> subject(LinkTicket ticket) {
		if (ticket == null) {
			return Optional.empty();
		}
		return this.store.findUsable(ticket.purpose(), ticket.tokenHash(), this.clock.instant());
	}

	/**
	 * Uses the link up. Call it in the transaction that does what the link is for.
	 * @return whether it was still usable; if not, do nothing
	 */
	public boolean consume(LinkTicket ticket) {
		return ticket != null && this.store.consume(ticket.purpose(), ticket.tokenHash(), this.clock.instant());
	}

	/** Voids the subject's outstanding link of that purpose, if any. */
	public void revoke(LinkPurpose purpose, long subject) {
		this.store.delete(purpose, subject);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void deleteExpired() {
		this.store.deleteExpired(this.clock.instant());
	}

	/** "30 minutes", "1 hour", "72 hours": as a person would say it in an email. */
	static String describe(Duration validity) {
		if (validity.toMinutesPart() == 0 && validity.toHours() > 0) {
			long hours = validity.toHours();
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		long minutes = Math.max(1, validity.toMinutes());
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}

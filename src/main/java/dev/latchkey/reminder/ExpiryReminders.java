package dev.latchkey.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.LatchkeyProperties;
import dev.latchkey.apikey.KeyExpiryChanged;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mail.Email;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.mail.Mailer;
import dev.latchkey.reminder.ReminderStore.ExpiringKey;
import dev.latchkey.reminder.ReminderStore.Person;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails a reminder before a key expires, once per key and threshold ({@code latchkey.reminders.days}). A key gets
 * the reminder of the smallest threshold it is within, so one made or changed late (5 days left) gets the 7-day
 * reminder only. It goes to the key's creator while they are an active member, otherwise to the tenant's active
 * admins; whoever turned reminders off gets none. One email per person and check lists all their keys due.
 * <p>
 * Exactly once: a check runs in one transaction that first locks its row in {@code scheduler_locks}, so instances
 * take turns; it writes a {@code key_reminders} row per key and threshold (the primary key refuses a second) in the
 * same transaction as the emails' outbox rows and the keys' history events, so either all of it happened or none.
 */
@Service
public class ExpiryReminders {

	private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

	static final String ACTION = "reminder sent";

	private final ReminderStore store;

	private final ReminderProperties properties;

	private final MailTemplates templates;

	private final Mailer mailer;

	private final AuditLog audit;

	private final LatchkeyProperties latchkey;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ExpiryReminders(ReminderStore store, ReminderProperties properties, MailTemplates templates, Mailer mailer,
			AuditLog audit, LatchkeyProperties latchkey, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.templates = templates;
		this.mailer = mailer;
		this.audit = audit;
		this.latchkey = latchkey;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Sends every reminder due now that was not sent before.
	 * @return how many emails were queued
	 */
	public int check() {
		Integer emails = this.transaction.execute((status) -> {
			this.store.lock();
			return checkLocked(this.clock.instant());
		});
		return (emails != null) ? emails : 0;
	}

	/** Starts the key's reminders over: called whenever its expiry changes. */
	public void expiryChanged(long apiKeyId) {
		this.store.forget(apiKeyId);
	}

	@EventListener
	void on(KeyExpiryChanged event) {
		expiryChanged(event.apiKeyId());
	}

	private int checkLocked(Instant now) {
		List<Integer> days = this.properties.days();
		Instant horizon = now.plus(Duration.ofDays(days.get(days.size() - 1)));
		Map<UserId, Optional<Person>> users = new HashMap<>();
		Map<TenantId, List<Person>> admins = new HashMap<>();
		Map<UserId, Recipient> recipients = new LinkedHashMap<>();
		for (ExpiringKey key : this.store.expiring(now, horizon)) {
			int threshold = threshold(Duration.between(now, key.expiresAt()));
			if (key.smallestSent() != null && key.smallestSent() <= threshold) {
				continue;
			}
			this.store.claim(key.id(), threshold, now);
			Optional<Person> creator = users.computeIfAbsent(key.createdBy(), this.store::user)
				.filter((user) -> user.active() && user.tenantId().equals(key.tenantId()));
			List<Person> to = creator.isPresent() ? creator.filter(Person::wantsReminders).stream().toList()
					: admins.computeIfAbsent(key.tenantId(), this.store::admins);
			for (Person person : to) {
				recipients.computeIfAbsent(person.id(), (id) -> new Recipient(person, new ArrayList<>()))
					.keys()
					.add(item(key, threshold, creator.isEmpty(), users.get(key.createdBy())));
			}
			if (!to.isEmpty()) {
				this.audit.record(new Actor(key.tenantId(), null, null, null), ACTION, key.id(), now);
			}
		}
		recipients.values().forEach((recipient) -> this.mailer.send(email(recipient)));
		if (!recipients.isEmpty()) {
			log.info("Queued {} expiry reminder emails", recipients.size());
		}
		return recipients.size();
	}

	/** The smallest threshold the time left is within. */
	private int threshold(Duration left) {
		for (int day : this.properties.days()) {
			if (left.compareTo(Duration.ofDays(day)) <= 0) {
				return day;
			}
		}
		throw new IllegalStateException("a key beyond the largest threshold: " + left);
	}

	private ReminderItem item(ExpiringKey key, int threshold, boolean creatorGone, Optional<Person> creator) {
		String createdBy = creator.map(Person::label).orElse("a former member");
		return new ReminderItem(key.name(), key.tokenPrefix(), key.environment(),
				MailTemplates.formatInstant(key.expiresAt()), (threshold == 1) ? "1 day" : threshold + " days",
				this.latchkey.link("/settings/api-credentials/" + key.publicId()), creatorGone ? createdBy : null);
	}

	private Email email(Recipient recipient) {
		List<ReminderItem> keys = recipient.keys();
		String subject = (keys.size() == 1) ? "Your API key \u201c" + keys.get(0).name() + "\u201d expires soon"
				: keys.size() + " of your API keys expire soon";
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", recipient.person().label());
		variables.put("keys", keys);
		variables.put("settings", this.latchkey.link("/settings/account"));
		return this.templates.render(recipient.person().email(), subject, "expiry-reminder", variables);
	}

	private record Recipient(Person person, List<ReminderItem> keys) {
	}

	/**
	 * A key as the reminder lists it.
	 * @param within the threshold reached, as words ("7 days")
	 * @param formerCreator who created it when they are no longer a member (the email goes to the admins), else
	 * {@code null}
	 */
	public record ReminderItem(String name, String prefix, String environment, String expiresAt, String within,
			String link, String formerCreator) {
	}

}

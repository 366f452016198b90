package dev.latchkey.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.KeyExpiryChanged;
import dev.latchkey.apikey.NewApiKey;
import dev.latchkey.audit.AuditEvent;
import dev.latchkey.mail.Email;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.RecordingMailer;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reminders go out, to whom and how often, with the clock moved by the test. */
@SpringBootTest(properties = { "latchkey.reminders.enabled=false", "latchkey.base-url=https://latchkey.example.test" })
@Import({ TestClockConfiguration.class, RecordingMailer.Configuration.class })
class ExpiryRemindersTest {

	private static final Instant START = Instant.parse("2031-03-01T09:00:00Z");

	@Autowired
	ExpiryReminders reminders;

	@Autowired
	ReminderPreferences preferences;

	@Autowired
	ApiKeyService keys;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordingMailer mailer;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	private Tenant tenant;

	private User ada;

	@BeforeEach
	void tenant() {
		this.clock.set(START);
		this.tenant = this.accounts.tenant("Reminders " + UUID.randomUUID(), false);
		this.ada = this.accounts.member(this.tenant, address("ada"), "Ada", "unused-password-1", Role.DEVELOPER);
	}

	@Test
	void eachThresholdIsRemindedOnceWhenItIsReached() {
		CreatedApiKey key = key(this.ada, "CI pipeline", Duration.ofDays(40));

		this.reminders.check();
		assertThat(mailsTo(this.ada)).isEmpty();

		at(key, Duration.ofDays(30).minusMinutes(1));
		assertThat(mailsTo(this.ada)).hasSize(1);
		Email first = mailsTo(this.ada).get(0);
		assertThat(first.subject()).isEqualTo("Your API key \u201cCI pipeline\u201d expires soon");
		assertThat(first.text()).contains("\"CI pipeline\"", "within 30 days",
				"https://latchkey.example.test/settings/api-credentials/" + key.key().publicId());
		assertThat(first.html()).contains("href=\"https://latchkey.example.test/settings/api-credentials/"
				+ key.key().publicId() + "\"");

		at(key, Duration.ofDays(20));
		at(key, Duration.ofDays(7).plusMinutes(1));
		assertThat(mailsTo(this.ada)).as("nothing new before the 7-day threshold").hasSize(1);

		at(key, Duration.ofDays(7));
		at(key, Duration.ofDays(6));
		at(key, Duration.ofHours(23));
		at(key, Duration.ofHours(1));
		List<Email> mails = mailsTo(this.ada);
		assertThat(mails).hasSize(3);
		assertThat(mails.get(1).text()).contains("within 7 days");
		assertThat(mails.get(2).text()).contains("within 1 day,");
		assertThat(history(key)).filteredOn((event) -> event.action().equals("reminder sent")).hasSize(3);

		at(key, Duration.ofHours(-1));
		assertThat(mailsTo(this.ada)).as("an expired key is not reminded").hasSize(3);
	}

	@Test
	void aKeyMadeLateGetsOnlyTheThresholdItIsWithin() {
		CreatedApiKey key = key(this.ada, "Late", Duration.ofDays(5));

		this.reminders.check();
		this.reminders.check();
		at(key, Duration.ofDays(4));

		assertThat(mailsTo(this.ada)).singleElement().satisfies((mail) -> {
			assertThat(mail.text()).contains("within 7 days").doesNotContain("within 30 days");
		});
		at(key, Duration.ofHours(12));
		assertThat(mailsTo(this.ada)).hasSize(2);
		assertThat(mailsTo(this.ada).get(1).text()).contains("within 1 day,");
	}

	@Test
	void keysDueForOnePersonInOneCheckGoInOneEmail() {
		CreatedApiKey soon = key(this.ada, "Billing worker", Duration.ofDays(3));
		CreatedApiKey later = key(this.ada, "Nightly export", Duration.ofDays(25));
		key(this.ada, "Far away", Duration.ofDays(90));
		CreatedApiKey never = key(this.ada, "Never expires", null);

		this.reminders.check();

		Email email = mailsTo(this.ada).stream().filter((mail) -> mail.subject().contains("API keys")).findFirst()
			.orElseThrow();
		assertThat(mailsTo(this.ada)).hasSize(1);
		assertThat(email.subject()).isEqualTo("2 of your API keys expire soon");
		assertThat(email.text()).contains("\"Billing worker\"", "within 7 days", "\"Nightly export\"",
				"within 30 days", "/settings/api-credentials/" + soon.key().publicId(),
				"/settings/api-credentials/" + later.key().publicId())
			.doesNotContain("Far away", "Never expires", never.key().publicId());
		assertThat(email.html()).contains(">Billing worker</a>", ">Nightly export</a>");
	}

	@Test
	void aKeyWhoseCreatorLeftGoesToTheAdminsWhoWantReminders() {
		User grace = this.accounts.admin(this.tenant, address("grace"), "Grace", "unused-password-1");
		User linus = this.accounts.admin(this.tenant, address("linus"), "Linus", "unused-password-1");
		this.preferences.setWantsReminders(linus.id(), false);
		CreatedApiKey key = key(this.ada, "Orphan", Duration.ofDays(6));
		this.accounts.disable(this.ada);

		this.reminders.check();

		assertThat(mailsTo(this.ada)).isEmpty();
		assertThat(mailsTo(linus)).as("turned reminders off").isEmpty();
		assertThat(mailsTo(grace)).singleElement().satisfies((mail) -> assertThat(mail.text())
			.contains("\"Orphan\"", "created by Ada, who is no longer a member"));
		assertThat(history(key)).filteredOn((event) -> event.action().equals("reminder sent")).hasSize(1);
	}

	@Test
	void aCreatorWhoTurnedRemindersOffGetsNoneAndNoOneElseDoes() {
		User grace = this.accounts.admin(this.tenant, address("grace"), "Grace", "unused-password-1");
		this.preferences.setWantsReminders(this.ada.id(), false);
		assertThat(this.preferences.wantsReminders(this.ada.id())).isFalse();
		CreatedApiKey key = key(this.ada, "Quiet", Duration.ofDays(6));

		this.reminders.check();

		assertThat(mailsTo(this.ada)).isEmpty();
		assertThat(mailsTo(grace)).isEmpty();
		assertThat(history(key)).noneMatch((event) -> event.action().equals("reminder sent"));
	}

	@Test
	void aDeactivatedKeyIsNotReminded() {
		CreatedApiKey key = key(this.ada, "Switched off", Duration.ofDays(6));
		this.keys.deactivate(Actor.user(this.tenant.id(), this.ada.id(), "127.0.0.1"), key.key().publicId());

		this.reminders.check();

		assertThat(mailsTo(this.ada)).isEmpty();
	}

	@Test
	void aChangeOfExpiryStartsTheRemindersOver() {
		CreatedApiKey key = key(this.ada, "Extended", Duration.ofDays(6));
		this.reminders.check();
		assertThat(mailsTo(this.ada)).hasSize(1);

		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(new KeyExpiryChanged(databaseId(key))));
		this.reminders.check();

		assertThat(mailsTo(this.ada)).as("the 7-day reminder again, for the new expiry").hasSize(2);
	}

	private CreatedApiKey key(User creator, String name, Duration left) {
		Instant expiresAt = (left != null) ? this.clock.instant().plus(left) : null;
		return this.keys.create(Actor.user(this.tenant.id(), creator.id(), "127.0.0.1"),
				new NewApiKey(name, expiresAt, null));
	}

	/** Moves the clock to where the key has the given time left, and checks. */
	private void at(CreatedApiKey key, Duration left) {
		this.clock.set(key.key().expiresAt().minus(left));
		this.reminders.check();
	}

	private List<Email> mailsTo(User user) {
		return this.mailer.to(user.email());
	}

	private List<AuditEvent> history(CreatedApiKey key) {
		return this.keys.history(this.tenant.id(), key.key().publicId());
	}

	private long databaseId(CreatedApiKey key) {
		return this.jdbc.sql("select id from api_keys where public_id = ?")
			.param(key.key().publicId())
			.query(Long.class)
			.single();
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID() + "@example.test";
	}

}

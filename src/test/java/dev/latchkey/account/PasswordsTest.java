package dev.latchkey.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.latchkey.link.EmailLinks;
import dev.latchkey.link.LinkEmail;
import dev.latchkey.link.LinkPurpose;
import dev.latchkey.mail.Email;
import dev.latchkey.support.RecordingMailer;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one way a password is set: what goes with it, whichever way it is set. */
@SpringBootTest(properties = "latchkey.base-url=https://keys.example.test/")
@Import({ TestClockConfiguration.class, TestAccounts.class, RecordingMailer.Configuration.class })
class PasswordsTest {

	static final String OLD = "the old password, long enough";

	static final String NEW = "a brand new passphrase for the console";

	@Autowired
	Passwords passwords;

	@Autowired
	Users users;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RecordingMailer mailer;

	@Autowired
	EmailLinks links;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	User ada;

	@BeforeEach
	void setUp() {
		Tenant tenant = this.accounts.tenant("Passwords " + System.nanoTime(), false);
		this.ada = this.accounts.admin(tenant, "ada-" + System.nanoTime() + "@example.test", "Ada", OLD);
	}

	@Test
	void everyBrokenRuleIsNamedByItsField() {
		assertThatThrownBy(() -> this.passwords.accept(this.ada, "short", "other", "newPassword"))
			.isInstanceOfSatisfying(PasswordRejectedException.class, (ex) -> {
				assertThat(ex.problems().get("newPassword")).containsExactly("Use at least 15 characters (this has 5).");
				assertThat(ex.problems().get("confirmation")).containsExactly("The two passwords do not match.");
			});
		assertThatThrownBy(() -> this.passwords.accept(this.ada, this.ada.email(), this.ada.email(), "password"))
			.isInstanceOfSatisfying(PasswordRejectedException.class, (ex) -> assertThat(ex.problems())
				.containsOnlyKeys("password")
				.extractingByKey("password")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.contains("Do not use your email address as your password."));
		assertThat(password(this.ada)).as("unchanged").isEqualTo(OLD);
	}

	@Test
	void aResetSetsThePasswordVoidsLinksEndsEverySessionAuditsAndNotifies() {
		String laptop = session(this.ada);
		String phone = session(this.ada);
		String resetToken = resetLink(this.ada);

		this.passwords.set(this.passwords.accept(this.ada, NEW, NEW, "password"), PasswordChange.RESET, "203.0.113.9",
				null);

		assertThat(password(this.ada)).isEqualTo(NEW);
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, resetToken)).isEmpty();
		assertThat(this.sessions.findById(laptop)).isNull();
		assertThat(this.sessions.findById(phone)).isNull();
		assertThat(audited(this.ada, "password_reset")).isOne();
		Email notice = notices(this.ada).get(0);
		assertThat(notice.text()).contains("was changed on")
			.contains("every session signed in to it was signed out")
			.contains("https://keys.example.test/forgot-password")
			.doesNotContain(NEW);
		assertThat(notice.html()).contains("href=\"https://keys.example.test/forgot-password\"");
	}

	@Test
	void aChangeKeepsTheSessionThatMadeItAndEndsTheOthers() {
		String current = session(this.ada);
		String other = session(this.ada);
		User bob = this.accounts.admin(this.accounts.tenant("Other " + System.nanoTime(), false),
				"bob-" + System.nanoTime() + "@example.test", "Bob", OLD);
		String bobs = session(bob);

		this.passwords.set(this.passwords.accept(this.ada, NEW, NEW, "newPassword"), PasswordChange.CHANGE,
				"203.0.113.9", current);

		assertThat(this.sessions.findById(current)).isNotNull();
		assertThat(this.sessions.findById(other)).isNull();
		assertThat(this.sessions.findById(bobs)).as("another user's").isNotNull();
		assertThat(audited(this.ada, "password_changed")).isOne();
		assertThat(notices(this.ada).get(0).text()).contains("every other session signed in to it was signed out");
	}

	@Test
	void aResetClearsTheSignInThrottleButAChangeDoesNot() {
		String attacker = "203.0.113.9";
		for (int i = 0; i < 10; i++) {
			this.throttle.failed(this.ada.email(), attacker);
		}
		assertThat(this.throttle.throttled(this.ada.email(), attacker)).isTrue();

		this.passwords.set(this.passwords.accept(this.ada, NEW, NEW, "password"), PasswordChange.CHANGE, null, null);
		assertThat(this.throttle.throttled(this.ada.email(), attacker)).isTrue();

		this.passwords.set(this.passwords.accept(this.ada, OLD, OLD, "password"), PasswordChange.RESET, null, null);
		assertThat(this.throttle.throttled(this.ada.email(), attacker)).isFalse();
	}

	@Test
	void anInvitedMemberWhoResetsInsteadOfFollowingTheInvitationCanSignIn() {
		Tenant tenant = this.accounts.tenant("Invited " + System.nanoTime(), false);
		User ivy = this.users.createInvited(tenant.id(), "ivy-" + System.nanoTime() + "@example.test", "Ivy",
				this.encoder.encode(OLD), Role.VIEWER, java.time.Instant.now());
		assertThat(ivy.canSignIn()).isFalse();

		this.passwords.set(this.passwords.accept(ivy, NEW, NEW, "password"), PasswordChange.RESET, null, null);

		assertThat(this.users.find(ivy.id()).orElseThrow().canSignIn()).isTrue();
		assertThat(password(ivy)).isEqualTo(NEW);
	}

	@Test
	void acceptingAnInvitationSendsNoChangeNotice() {
		this.passwords.set(this.passwords.accept(this.ada, NEW, NEW, "password"), PasswordChange.INVITATION, null,
				null);

		assertThat(password(this.ada)).isEqualTo(NEW);
		assertThat(audited(this.ada, "invitation_accepted")).isOne();
		assertThat(notices(this.ada)).isEmpty();
	}

	@Test
	void nothingHappensWhenTheCallersTransactionRollsBack() {
		String session = session(this.ada);
		NewPassword accepted = this.passwords.accept(this.ada, NEW, NEW, "password");

		this.transaction.executeWithoutResult((status) -> {
			this.passwords.set(accepted, PasswordChange.RESET, null, null);
			status.setRollbackOnly();
		});

		assertThat(password(this.ada)).isEqualTo(OLD);
		assertThat(this.sessions.findById(session)).isNotNull();
		assertThat(audited(this.ada, "password_reset")).isZero();
		assertThat(notices(this.ada)).isEmpty();
	}

	private String password(User user) {
		String hash = this.users.find(user.id()).orElseThrow().passwordHash();
		return this.encoder.matches(NEW, hash) ? NEW : this.encoder.matches(OLD, hash) ? OLD : "something else";
	}

	private String session(User user) {
		String id = signIn(this.sessions, user);
		assertThat(this.sessions.findById(id)).isNotNull();
		return id;
	}

	/** A session as sign-in leaves it, as far as the principal index is concerned. */
	private static <S extends Session> String signIn(FindByIndexNameSessionRepository<S> repository, User user) {
		S session = repository.createSession();
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.email());
		repository.save(session);
		return session.getId();
	}

	private String resetLink(User user) {
		this.links.issue(LinkPurpose.PASSWORD_RESET, user.id().value(), Duration.ofMinutes(30),
				new LinkEmail(user.email(), "Reset", "test-link", Map.of("name", "Ada")));
		String text = this.mailer.to(user.email()).get(0).text();
		return text.replaceAll("(?s).*\\?token=([A-Za-z0-9_-]+).*", "$1");
	}

	private List<Email> notices(User user) {
		return this.mailer.to(user.email())
			.stream()
			.filter((email) -> email.subject().equals("Your Latchkey password was changed"))
			.toList();
	}

	private long audited(User user, String action) {
		return this.jdbc.sql("select count(*) from audit_events where actor_user_id = ? and action = ?")
			.params(user.id().value(), action)
			.query(Long.class)
			.single();
	}

}

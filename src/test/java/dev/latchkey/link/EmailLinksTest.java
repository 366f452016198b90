package dev.latchkey.link;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.mail.Email;
import dev.latchkey.support.MutableClock;
import dev.latchkey.support.RecordingMailer;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "latchkey.base-url=https://keys.example.test/")
@Import({ TestClockConfiguration.class, TestAccounts.class, RecordingMailer.Configuration.class })
class EmailLinksTest {

	private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	EmailLinks links;

	@Autowired
	RecordingMailer mailer;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theEmailCarriesTheLinkInTextAndHtmlRenderedFromTheTemplates() {
		String to = unique();
		this.links.issue(LinkPurpose.INVITATION, 7, Duration.ofHours(72),
				new LinkEmail(to, "Join Initech", "test-link", Map.of("name", "<Peter>")));

		Email email = this.mailer.to(to).get(0);
		assertThat(email.subject()).isEqualTo("Join Initech");
		String token = token(email);
		assertThat(email.text()).startsWith("Hello <Peter>, open https://keys.example.test/accept-invitation?token="
				+ token + " within 72 hours (until ");
		assertThat(email.html()).contains("Hello <span>&lt;Peter&gt;</span>")
			.contains("href=\"https://keys.example.test/accept-invitation?token=" + token + "\"")
			.contains("within <span>72 hours</span>");
	}

	@Test
	void aLinkWorksOnceForItsSubject() {
		String token = issue(LinkPurpose.PASSWORD_RESET, 1_000_041, Duration.ofMinutes(30));

		LinkTicket ticket = this.links.check(LinkPurpose.PASSWORD_RESET, token).orElseThrow();
		assertThat(ticket.tokenHash()).isNotEqualTo(token).doesNotContain(token);
		assertThat(this.links.subject(ticket)).contains(1_000_041L);
		assertThat(this.links.consume(ticket)).isTrue();
		assertThat(this.links.consume(ticket)).as("used up").isFalse();
		assertThat(this.links.subject(ticket)).isEmpty();
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, token)).isEmpty();
	}

	@Test
	void onlyTheHashOfTheTokenIsStored() {
		String token = issue(LinkPurpose.PASSWORD_RESET, 1_000_042, Duration.ofMinutes(30));

		assertThat(this.jdbc.sql("select count(*) from email_links where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from email_links where token_hash = ?")
			.param(LinkToken.hash(token))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aLinkWorksOnlyForItsPurpose() {
		String token = issue(LinkPurpose.PASSWORD_RESET, 1_000_043, Duration.ofMinutes(30));

		assertThat(this.links.check(LinkPurpose.INVITATION, token)).isEmpty();
		assertThat(this.links.consume(new LinkTicket(LinkPurpose.INVITATION, LinkToken.hash(token)))).isFalse();
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, token)).isPresent();
	}

	@Test
	void onlyTheNewestLinkOfASubjectWorks() {
		String first = issue(LinkPurpose.INVITATION, 1_000_044, Duration.ofHours(72));
		String other = issue(LinkPurpose.INVITATION, 1_000_045, Duration.ofHours(72));
		String resetOfSameSubject = issue(LinkPurpose.PASSWORD_RESET, 1_000_044, Duration.ofMinutes(30));
		String second = issue(LinkPurpose.INVITATION, 1_000_044, Duration.ofHours(72));

		assertThat(this.links.check(LinkPurpose.INVITATION, first)).isEmpty();
		assertThat(this.links.check(LinkPurpose.INVITATION, second)).isPresent();
		assertThat(this.links.check(LinkPurpose.INVITATION, other)).as("another subject's").isPresent();
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, resetOfSameSubject)).as("another purpose's")
			.isPresent();
	}

	@Test
	void aLinkExpires() {
		String token = issue(LinkPurpose.INVITATION, 1_000_046, Duration.ofHours(72));
		LinkTicket ticket = this.links.check(LinkPurpose.INVITATION, token).orElseThrow();

		this.clock.advance(Duration.ofHours(72).minusSeconds(1));
		assertThat(this.links.subject(ticket)).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.links.subject(ticket)).isEmpty();
		assertThat(this.links.check(LinkPurpose.INVITATION, token)).isEmpty();
		assertThat(this.links.consume(ticket)).isFalse();
	}

	@Test
	void aRevokedLinkNoLongerWorks() {
		String token = issue(LinkPurpose.INVITATION, 1_000_047, Duration.ofHours(72));

		this.links.revoke(LinkPurpose.INVITATION, 1_000_047);

		assertThat(this.links.check(LinkPurpose.INVITATION, token)).isEmpty();
	}

	@Test
	void theEmailIsSentOnlyOnceTheTransactionCommits() {
		String committed = unique();
		this.transaction.executeWithoutResult((status) -> {
			this.links.issue(LinkPurpose.INVITATION, 1_000_048, Duration.ofHours(72),
					new LinkEmail(committed, "Join", "test-link", Map.of("name", "Ada")));
			assertThat(this.mailer.to(committed)).as("not before the commit").isEmpty();
		});
		assertThat(this.mailer.to(committed)).hasSize(1);

		String rolledBack = unique();
		this.transaction.executeWithoutResult((status) -> {
			this.links.issue(LinkPurpose.INVITATION, 1_000_049, Duration.ofHours(72),
					new LinkEmail(rolledBack, "Join", "test-link", Map.of("name", "Ada")));
			status.setRollbackOnly();
		});
		assertThat(this.mailer.to(rolledBack)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from email_links where purpose = 'INVITATION' and subject_id = 1000049")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void malformedTokensAreRefusedWithoutALookup() {
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, null)).isEmpty();
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, "x")).isEmpty();
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, "A".repeat(43))).isEmpty();
		assertThat(this.links.check(LinkPurpose.PASSWORD_RESET, "'; drop table email_links; --")).isEmpty();
	}

	@Test
	void validityIsSaidAsAPersonWould() {
		assertThat(EmailLinks.describe(Duration.ofMinutes(30))).isEqualTo("30 minutes");
		assertThat(EmailLinks.describe(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(EmailLinks.describe(Duration.ofHours(72))).isEqualTo("72 hours");
		assertThat(EmailLinks.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
	}

	private String issue(LinkPurpose purpose, long subject, Duration validity) {
		String to = unique();
		this.links.issue(purpose, subject, validity, new LinkEmail(to, "A link", "test-link", Map.of("name", "Ada")));
		return token(this.mailer.to(to).get(0));
	}

	private static String token(Email email) {
		Matcher token = TOKEN.matcher(email.text());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static String unique() {
		return "someone-" + System.nanoTime() + "@example.test";
	}

}

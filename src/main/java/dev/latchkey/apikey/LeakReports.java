package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.latchkey.LatchkeyProperties;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mail.Email;
import dev.latchkey.mail.Mailer;
import dev.latchkey.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Tokens a secret scanner found in public: each one that is a key of ours is marked as reported, recorded in its
 * history, announced to its tenant's admins and, by the tenant's leak policy, deactivated.
 */
@Service
public class LeakReports {

	private static final Logger log = LoggerFactory.getLogger(LeakReports.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final ApiKeys keys;

	private final TenantSettings settings;

	private final AuditLog audit;

	private final KeyChanges changes;

	private final Mailer mailer;

	private final JdbcClient jdbc;

	private final LatchkeyProperties latchkey;

	private final Clock clock;

	LeakReports(ApiKeys keys, TenantSettings settings, AuditLog audit, KeyChanges changes, Mailer mailer,
			JdbcClient jdbc, LatchkeyProperties latchkey, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.audit = audit;
		this.changes = changes;
		this.mailer = mailer;
		this.jdbc = jdbc;
		this.latchkey = latchkey;
		this.clock = clock;
	}

	/** @return whether the token is (or was, until deactivated) a key of some tenant: the partner's true positive */
	@Transactional
	public boolean report(String token, String url, String source, String reporterAddress) {
		if (token == null || !ApiKeyToken.isWellFormed(token)) {
			return false;
		}
		Optional<ApiKey> found = this.keys.findByTokenHash(ApiKeyToken.hash(token));
		if (found.isEmpty()) {
			return false;
		}
		ApiKey key = found.get();
		Instant now = this.clock.instant();
		String where = (url != null && !url.isBlank()) ? url.strip() : "(no URL given)";
		key.reportLeak(now, where);
		Actor reporter = new Actor(key.tenantId(), null, null, reporterAddress);
		this.audit.record(reporter, "reported leaked", key.id(), now);
		LeakPolicy policy = this.settings.leakPolicy(key.tenantId());
		boolean deactivated = policy == LeakPolicy.DEACTIVATE && key.deactivate(now, true);
		if (deactivated) {
			this.audit.record(reporter, "deactivated", key.id(), now);
		}
		this.keys.saveState(key);
		this.changes.changed(key.id());
		for (String admin : admins(key)) {
			this.mailer.send(mail(admin, key, where, source, now, deactivated));
		}
		log.info("Leak report for API key {} ({}): {}", key.publicId(), policy.value(),
				deactivated ? "deactivated" : "left as it was");
		return true;
	}

	private List<String> admins(ApiKey key) {
		return this.jdbc.sql("select email from users where tenant_id = ? and role = 'ADMIN' and enabled = true "
					+ "and invited = false and removed_at is null")
			.param(key.tenantId().value())
			.query(String.class)
			.list();
	}

	private Email mail(String to, ApiKey key, String url, String source, Instant now, boolean deactivated) {
		String link = this.latchkey.link("/settings/api-credentials/" + key.publicId());
		String outcome = deactivated ? "It has been deactivated: requests with it are refused."
				: "It still works (your leak policy is Notify only): replace it and deactivate it now.";
		String from = (source != null && !source.isBlank()) ? " (reported by " + source.strip() + ")" : "";
		String text = """
				Your API key "%s" (%s…) was found in public on %s%s:

				%s

				%s

				See the key: %s
				""".formatted(key.name(), key.tokenPrefix(), WHEN.format(now), from, url, outcome, link);
		String html = """
				<p>Your API key “%s” (<code>%s…</code>) was found in public on %s%s:</p>
				<p>%s</p>
				<p>%s</p>
				<p><a href="%s">See the key</a></p>
				""".formatted(HtmlUtils.htmlEscape(key.name()), key.tokenPrefix(), WHEN.format(now),
				HtmlUtils.htmlEscape(from), HtmlUtils.htmlEscape(url), outcome, HtmlUtils.htmlEscape(link));
		return new Email(to, "An API key of yours was found in public", text, html);
	}

}

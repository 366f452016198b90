package dev.latchkey.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.latchkey.account.User;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset paging of the audit log: with many events at the same instant, walking the pages yields each event of the
 * tenant exactly once, newest first, and none of another tenant's. On H2 and PostgreSQL by the subclasses.
 */
abstract class AuditTrailTests {

	private static final Instant EARLIER = Instant.parse("2030-03-01T10:00:00.123456Z");

	private static final Instant LATER = Instant.parse("2030-03-02T23:59:59.999999Z");

	@Autowired
	AuditLog log;

	@Autowired
	AuditTrail trail;

	@Autowired
	TestAccounts accounts;

	private TenantId tenant;

	private Actor ada;

	private Actor eve;

	@BeforeEach
	void events() {
		Tenant mine = this.accounts.tenant("Paged " + System.nanoTime(), false);
		User admin = this.accounts.admin(mine, "ada-" + System.nanoTime() + "@paged.test", "Ada", "password-1");
		Tenant other = this.accounts.tenant("Other " + System.nanoTime(), false);
		User intruder = this.accounts.admin(other, "eve-" + System.nanoTime() + "@other.test", "Eve", "password-1");
		this.tenant = mine.id();
		this.ada = Actor.user(mine.id(), admin.id(), "198.51.100.7");
		this.eve = Actor.user(other.id(), intruder.id(), "203.0.113.66");
		for (int i = 0; i < 7; i++) {
			this.log.recordAbout(this.ada, (i % 2 == 0) ? "member_invited" : "member_removed", admin.id(), EARLIER);
			this.log.recordAbout(this.eve, "member_invited", intruder.id(), EARLIER);
		}
		for (int i = 0; i < 5; i++) {
			this.log.recordAbout(this.ada, "member_invited", admin.id(), LATER);
			this.log.recordAbout(this.eve, "member_invited", intruder.id(), LATER);
		}
	}

	@Test
	void pagesOfThreeHoldEveryEventOnceNewestFirstAcrossEqualTimestamps() {
		List<AuditEntry> all = this.trail.page(this.tenant, AuditFilter.NONE, null, 200).events();
		assertThat(all).hasSize(12);
		assertThat(all).extracting(AuditEntry::occurredAt).startsWith(LATER, LATER, LATER, LATER, LATER, EARLIER);
		assertThat(all).extracting(AuditEntry::ip).containsOnly("198.51.100.7");

		List<AuditEntry> walked = walk(AuditFilter.NONE, 3);

		assertThat(walked).extracting(AuditEntry::id).containsExactlyElementsOf(all.stream().map(AuditEntry::id).toList());
		assertThat(new HashSet<>(walked.stream().map(AuditEntry::id).toList())).hasSize(12);
	}

	@Test
	void theLastPageHasNoNextCursorEvenWhenItIsFull() {
		AuditPage first = this.trail.page(this.tenant, AuditFilter.NONE, null, 6);
		AuditPage second = this.trail.page(this.tenant, AuditFilter.NONE, first.next(), 6);

		assertThat(first.next()).isNotNull();
		assertThat(second.events()).hasSize(6);
		assertThat(second.next()).isNull();
	}

	@Test
	void aFilterPagesTheSameWay() {
		AuditFilter removed = AuditFilter.parse("member_removed", null, null, null);
		assertThat(walk(removed, 2)).hasSize(3).extracting(AuditEntry::action).containsOnly("member_removed");

		AuditFilter lastDay = AuditFilter.parse(null, null, "2030-03-02", "2030-03-02");
		assertThat(walk(lastDay, 2)).hasSize(5).extracting(AuditEntry::occurredAt).containsOnly(LATER);

		AuditFilter firstDay = AuditFilter.parse(null, null, null, "2030-03-01");
		assertThat(walk(firstDay, 4)).hasSize(7).extracting(AuditEntry::occurredAt).containsOnly(EARLIER);
	}

	@Test
	void theExportReadsEveryMatchingEventAcrossChunks() {
		for (int i = 0; i < AuditTrail.EXPORT_CHUNK + 10; i++) {
			this.log.recordAbout(this.ada, "member_enabled", null, EARLIER);
		}
		List<AuditEntry> exported = new ArrayList<>();

		this.trail.each(this.tenant, AuditFilter.parse("member_enabled", null, null, null), exported::add);

		assertThat(exported).hasSize(AuditTrail.EXPORT_CHUNK + 10);
		assertThat(new HashSet<>(exported.stream().map(AuditEntry::id).toList())).hasSize(AuditTrail.EXPORT_CHUNK + 10);
	}

	private List<AuditEntry> walk(AuditFilter filter, int size) {
		List<AuditEntry> walked = new ArrayList<>();
		AuditCursor cursor = null;
		do {
			AuditPage page = this.trail.page(this.tenant, filter, cursor, size);
			assertThat(page.events()).hasSizeLessThanOrEqualTo(size);
			walked.addAll(page.events());
			cursor = page.next();
		}
		while (cursor != null);
		return walked;
	}

}

package dev.latchkey.apikey.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient.Response;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant with 10,001 keys: the first page, a late page and both kinds of search show the right rows, reading
 * one page of rows and never the whole list, and the total is counted only up to a bound unless the page asked for
 * is further down (the bound is 1,000). Run on H2 and on PostgreSQL by the subclasses. How quick they are is
 * measured side by side by {@code bench/}, not asserted here: a shared machine makes timed unit tests flaky.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiCredentialsScaleTests {

	static final int KEYS = 10_000;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	DashboardClient admin;

	@BeforeAll
	void tenantWithManyKeys() {
		Tenant tenant = this.accounts.tenant("Busy " + System.nanoTime(), false);
		User user = this.accounts.admin(tenant, "busy-" + System.nanoTime() + "@example.com", "Busy", "password-1");
		List<Object[]> rows = new ArrayList<>();
		Instant start = Instant.now().minus(Duration.ofDays(400));
		HexFormat hex = HexFormat.of();
		for (int i = 0; i < KEYS; i++) {
			String hash = hex.formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 64);
			rows.add(new Object[] { UUID.randomUUID().toString(), tenant.id().value(), "Service " + i,
					"key_" + hash.substring(0, 4), hash, Timestamp.from(start.plusSeconds(i * 60L)), user.id().value() });
		}
		String hash = hex.formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 64);
		rows.add(new Object[] { UUID.randomUUID().toString(), tenant.id().value(), "Oldest", "key_" + hash.substring(0, 4),
				hash, Timestamp.from(start.minusSeconds(60)), user.id().value() });
		this.jdbc.batchUpdate("insert into api_keys (public_id, tenant_id, environment, name, token_prefix, token_hash, "
				+ "created_at, created_by, active) values (?, ?, 'development', ?, ?, ?, ?, ?, true)", rows);
		this.admin = new DashboardClient(this.port);
		assertThat(this.admin.signIn(user.email(), "password-1").location()).endsWith("/settings/api-credentials");
	}

	@Test
	void theFirstPageShowsTheNewestKeysAndCountsOnlyUpTo1000() {
		Response page = page("/settings/api-credentials");
		assertThat(page.body()).contains("Service 9999").contains("of 1,000+ keys").doesNotContain("Service 9974<");
	}

	@Test
	void aLatePageShowsTheOldestKeys() {
		// pages count from 1 in the dashboard's URLs
		Response page = page("/settings/api-credentials?page=400");
		assertThat(page.body()).contains("Service 0<").contains("Showing 9,976–10,000 of 10,000+ keys");
		Response last = page("/settings/api-credentials?page=401");
		assertThat(last.body()).contains("Oldest<").contains("Showing 10,001–10,001 of 10,001 keys");
	}

	@Test
	void aPagePastTheEndShowsTheLastPage() {
		Response page = page("/settings/api-credentials?page=1000");
		assertThat(page.body()).contains("Oldest<").contains("Showing 10,001–10,001 of 10,001 keys");
		assertThat(page.header("HX-Push-Url")).isEqualTo("/settings/api-credentials?page=401");
	}

	@Test
	void searchingByNameShowsTheMatches() {
		Response page = page("/settings/api-credentials?q=service+123");
		assertThat(page.body()).contains("Service 1234").contains(">11 keys<").doesNotContain("Service 124<");
		assertThat(page("/settings/api-credentials?q=service").body()).contains("of 1,000+ keys");
		assertThat(page("/settings/api-credentials?q=service&page=400").body()).contains("of 10,000 keys");
	}

	@Test
	void searchingByPrefixShowsTheMatches() {
		Response page = page("/settings/api-credentials?q=key_");
		assertThat(page.body()).contains("of 1,000+ keys");
	}

	@Test
	void sortingByNameReadsTheNameIndex() {
		Response page = page("/settings/api-credentials?sort=name");
		assertThat(page.body()).contains("Oldest<").contains("Service 0<").contains("Service 1<").contains("Service 10<");
		Response descending = page("/settings/api-credentials?sort=name&dir=desc");
		assertThat(descending.body()).contains("Service 9999<").doesNotContain("Oldest<");
	}

	private Response page(String path) {
		Response response = this.admin.get(path, Map.of("HX-Request", "true"));
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

}

package dev.latchkey.security;

import java.util.UUID;

import dev.latchkey.account.User;
import dev.latchkey.support.DashboardClient;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session ends its absolute lifetime after sign-in however active it is (here shortened to a few seconds; the
 * idle timeout stays 30 minutes, so only the absolute lifetime can end it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.session.absolute-timeout=4s")
@Import(TestAccounts.class)
class SessionLifetimeTest {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSessionEndsItsAbsoluteLifetimeAfterSignInHoweverActive() throws Exception {
		Tenant tenant = this.accounts.tenant("Lifetime " + UUID.randomUUID(), false);
		User ada = this.accounts.admin(tenant, "ada-" + UUID.randomUUID() + "@example.com", "Ada", PASSWORD);
		DashboardClient browser = new DashboardClient(this.port);
		assertThat(browser.signIn(ada.email(), PASSWORD).location()).endsWith("/settings/api-credentials");

		for (int i = 0; i < 5; i++) {
			Thread.sleep(1000);
			browser.get("/settings/api-credentials");
		}
		Thread.sleep(1000);

		assertThat(browser.get("/settings/api-credentials").location()).endsWith("/login");
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(ada.email())
			.query(Long.class)
			.single()).isZero();
	}

}

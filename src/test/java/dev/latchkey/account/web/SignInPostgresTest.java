package dev.latchkey.account.web;

import dev.latchkey.support.EmbeddedPostgres;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.trusted-proxies=127.0.0.1/32", "latchkey.sign-in.account-ceiling=" + SignInTests.CEILING })
@Import({ TestClockConfiguration.class, TestAccounts.class })
class SignInPostgresTest extends SignInTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.useNewDatabase(registry);
	}

}

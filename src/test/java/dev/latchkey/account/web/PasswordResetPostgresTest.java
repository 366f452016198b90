package dev.latchkey.account.web;

import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.support.EmbeddedPostgres;
import dev.latchkey.support.TestSmtpServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "latchkey.base-url=" + PasswordResetTests.BASE_URL, "latchkey.mail.first-retry-delay=PT0.2S" })
@Import({ TestClockConfiguration.class, TestAccounts.class })
class PasswordResetPostgresTest extends PasswordResetTests {

	@DynamicPropertySource
	static void postgresAndSmtp(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.useNewDatabase(registry);
		TestSmtpServer.register(registry);
	}

}

package dev.latchkey.audit;

import dev.latchkey.support.EmbeddedPostgres;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, TestAccounts.class })
class AuditTrailPostgresTest extends AuditTrailTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.useNewDatabase(registry);
	}

}

package dev.latchkey.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.latchkey.support.MutableClock;
import dev.latchkey.support.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Last-used is kept to the minute, written in batches rather than on every request. */
@SpringBootTest
@Import(TestClockConfiguration.class)
class LastUsedTest {

	@Autowired
	ApiKeyAuthenticator authenticator;

	@Autowired
	LastUsedRecorder recorder;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void requestsOnlyNoteTheMinuteAndAFlushWritesItOnce() {
		this.clock.set(Instant.parse("2030-05-01T10:15:30Z"));
		CreatedApiKey created = ApplicationInstances.tenantWithKey(this.context);
		this.recorder.flush();
		assertThat(lastUsed(created)).isNull();

		for (int i = 0; i < 50; i++) {
			assertThat(this.authenticator.authenticate(created.token())).isPresent();
		}
		assertThat(lastUsed(created)).as("nothing written per request").isNull();
		this.recorder.flush();
		assertThat(lastUsed(created)).isEqualTo(Instant.parse("2030-05-01T10:15:00Z"));

		this.clock.advance(Duration.ofMinutes(3));
		this.authenticator.authenticate(created.token());
		this.recorder.flush();
		assertThat(lastUsed(created)).isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.MINUTES));
	}

	private Instant lastUsed(CreatedApiKey created) {
		return this.jdbc.sql("select last_used_at from api_keys where public_id = ?")
			.param(created.key().publicId())
			.query((rs, n) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.list()
			.get(0);
	}

}

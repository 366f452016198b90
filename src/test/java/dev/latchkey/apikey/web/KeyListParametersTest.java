package dev.latchkey.apikey.web;

import java.time.Duration;
import java.time.Instant;

import dev.latchkey.apikey.Environment;
import dev.latchkey.apikey.KeySort;
import dev.latchkey.apikey.KeyStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyListParametersTest {

	@Test
	void theDefaultsLeaveTheUrlBare() {
		KeyListParameters list = KeyListParameters.parse(null, null, null, null, null, null, true);
		assertThat(list.url()).isEqualTo("/settings/api-credentials");
		assertThat(list.toQuery(25).page()).isZero();
		assertThat(list.toQuery(25).sort()).isEqualTo(KeySort.CREATED);
		assertThat(list.toQuery(25).descending()).isTrue();
	}

	@Test
	void everyChoiceIsWrittenBackInOneOrder() {
		KeyListParameters list = KeyListParameters.parse(" ci pipe ", "EXPIRED", "production", "name", "desc", "3", true);
		assertThat(list.status()).isEqualTo(KeyStatus.EXPIRED);
		assertThat(list.environment()).isEqualTo(Environment.PRODUCTION);
		assertThat(list.url()).isEqualTo("/settings/api-credentials?q=ci%20pipe&status=expired&env=production&sort=name&dir=desc&page=3");
		assertThat(list.pageUrl(1)).doesNotContain("page=");
	}

	@Test
	void unknownValuesAreTheDefaults() {
		KeyListParameters list = KeyListParameters.parse("", "zombie", "staging", "colour", "up", "-4", true);
		assertThat(list.url()).isEqualTo("/settings/api-credentials");
		assertThat(KeyListParameters.parse(null, null, null, null, null, "1e3", true).page()).isEqualTo(1);
		assertThat(KeyListParameters.parse(null, null, null, null, null, "0", true).page()).isEqualTo(1);
	}

	@Test
	void theEnvironmentIsIgnoredWithoutProduction() {
		assertThat(KeyListParameters.parse(null, null, "production", null, null, null, false).environment()).isNull();
	}

	@Test
	void aHeaderSortsItsColumnItsFirstWayThenTheOther() {
		KeyListParameters newest = KeyListParameters.parse(null, "active", null, null, null, "4", false);
		assertThat(newest.sortUrl("name")).isEqualTo("/settings/api-credentials?status=active&sort=name");
		assertThat(newest.sortUrl("created")).isEqualTo("/settings/api-credentials?status=active&sort=created&dir=asc");
		assertThat(newest.sortUrl("last-used")).isEqualTo("/settings/api-credentials?status=active&sort=last-used");
		assertThat(newest.ariaSort("created")).isEqualTo("descending");
		assertThat(newest.ariaSort("name")).isEqualTo("none");
		KeyListParameters byName = KeyListParameters.parse(null, null, null, "name", null, null, false);
		assertThat(byName.sortUrl("name")).isEqualTo("/settings/api-credentials?sort=name&dir=desc");
		assertThat(byName.ariaSort("name")).isEqualTo("ascending");
	}

	@Test
	void relativeTimesRoundToTheNearestUnit() {
		Instant now = Instant.parse("2026-12-01T12:00:00Z");
		assertThat(Moment.relative(now.minusSeconds(10), now)).isEqualTo("just now");
		assertThat(Moment.relative(now.plusSeconds(10), now)).isEqualTo("in less than a minute");
		assertThat(Moment.relative(now.minus(Duration.ofMinutes(1)), now)).isEqualTo("1 minute ago");
		assertThat(Moment.relative(now.plus(Duration.ofMinutes(59).plusSeconds(59)), now)).isEqualTo("in 1 hour");
		assertThat(Moment.relative(now.plus(Duration.ofHours(6)), now)).isEqualTo("in 6 hours");
		assertThat(Moment.relative(now.minus(Duration.ofDays(3)), now)).isEqualTo("3 days ago");
		assertThat(Moment.relative(now.plus(Duration.ofDays(90)), now)).isEqualTo("in 3 months");
		assertThat(Moment.relative(now.minus(Duration.ofDays(800)), now)).isEqualTo("2 years ago");
	}

}

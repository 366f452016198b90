package dev.latchkey.audit;

import java.time.Instant;
import java.time.LocalDate;

import dev.latchkey.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTest {

	@Test
	void blankPartsMeanAny() {
		assertThat(AuditFilter.parse("", " ", null, "")).isEqualTo(AuditFilter.NONE);
	}

	@Test
	void anActorIsAnEmailOrAKeyPrefix() {
		assertThat(AuditFilter.parse(null, "Ada@Example.com", null, null).actorEmail()).isEqualTo("ada@example.com");
		assertThat(AuditFilter.parse(null, "key_3F9A…", null, null).actorKeyPrefix()).isEqualTo("key_3f9a");
		assertThatThrownBy(() -> AuditFilter.parse(null, "Ada", null, null)).isInstanceOf(InvalidInputException.class)
			.extracting("field")
			.isEqualTo("actor");
	}

	@Test
	void datesAreIsoDaysBothIncluded() {
		AuditFilter filter = AuditFilter.parse(null, null, "2030-01-01", "2030-01-31");
		assertThat(filter.from()).isEqualTo(LocalDate.of(2030, 1, 1));
		assertThat(filter.fromInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(filter.toInstantExclusive()).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
	}

	@Test
	void aBadDateOrAnEndBeforeTheStartNamesItsField() {
		assertThatThrownBy(() -> AuditFilter.parse(null, null, "2030-13-45", null)).extracting("field").isEqualTo("from");
		assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "yesterday")).extracting("field").isEqualTo("to");
		assertThatThrownBy(() -> AuditFilter.parse(null, null, "2030-02-01", "2030-01-01")).extracting("field")
			.isEqualTo("to");
	}

	@Test
	void anActionIsShortAndPlain() {
		assertThat(AuditFilter.parse("refused: IP not allowed", null, null, null).action())
			.isEqualTo("refused: IP not allowed");
		assertThatThrownBy(() -> AuditFilter.parse("x".repeat(33), null, null, null)).extracting("field")
			.isEqualTo("action");
		assertThatThrownBy(() -> AuditFilter.parse("a'; drop table", null, null, null)).extracting("field")
			.isEqualTo("action");
	}

	@Test
	void aCursorRoundTripsAndAForeignOneNamesTheCursorField() {
		AuditCursor cursor = new AuditCursor(Instant.parse("2030-01-02T03:04:05.123456Z"), 42);
		assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
		assertThat(AuditCursor.decode("")).isNull();
		for (String bad : new String[] { "nope", "!!!", "MTIz", "LTEuMC4x", "x".repeat(200) }) {
			assertThatThrownBy(() -> AuditCursor.decode(bad)).isInstanceOf(InvalidInputException.class)
				.extracting("field")
				.isEqualTo("cursor");
		}
	}

}

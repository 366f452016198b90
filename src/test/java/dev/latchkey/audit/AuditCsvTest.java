package dev.latchkey.audit;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = { "=1+2|'=1+2", "+SUM(A1)|'+SUM(A1)", "-2+3|'-2+3",
			"@cmd|'@cmd", "plain|plain", "a=b|a=b", "key_3f9a…|key_3f9a…" })
	void aCellASpreadsheetWouldReadAsAFormulaStartsWithAnApostrophe(String value, String expected) {
		assertThat(AuditCsv.cell(value)).isEqualTo(expected);
	}

	@Test
	void tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
		assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
		assertThat(AuditCsv.cell("CI, nightly")).isEqualTo("\"CI, nightly\"");
		assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\",\"x\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
	}

	@Test
	void emptyAndMissingCellsAreEmpty() {
		assertThat(AuditCsv.cell(null)).isEmpty();
		assertThat(AuditCsv.cell("")).isEmpty();
	}

	@Test
	void aRowHasTheHeadersColumnsInOrderEndingInCrLf() {
		StringWriter out = new StringWriter();
		AuditCsv.writer(out)
			.accept(new AuditEntry(7, Instant.parse("2030-01-02T03:04:05Z"), "=evil@example.com", "sign_in_failed", "",
					null, false, "203.0.113.9"));

		assertThat(out.toString()).isEqualTo("Time,Actor,Action,Target,IP address\r\n"
				+ "2030-01-02T03:04:05Z,'=evil@example.com,sign_in_failed,,203.0.113.9\r\n");
	}

}

package dev.latchkey.database;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Which failures mean "the database is not there" (503), and what each side of the app answers then. */
class DatabaseUnavailableFilterTest {

	private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

	@Test
	void connectionFailuresAreUnavailabilityAndBugsAreNot() {
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001"))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new RuntimeException(
				new DataAccessResourceFailureException("x", new SQLException("terminating", "57P01")))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new DataIntegrityViolationException("duplicate")))
			.isFalse();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void theApiGetsA503ProblemBody() throws Exception {
		MockHttpServletResponse response = run("/api/credentials/keys");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("\"status\":503");
	}

	@Test
	void theDashboardGetsTheBrandedPage() throws Exception {
		MockHttpServletResponse response = run("/settings/api-credentials");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("Temporarily unavailable", "latchkey.css");
	}

	@Test
	void otherFailuresGoOnToTheUsualErrorHandling() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/credentials/keys");
		request.setRequestURI("/api/credentials/keys");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.filter.doFilter(request,
				new MockHttpServletResponse(), new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest req,
							jakarta.servlet.http.HttpServletResponse res) {
						throw new IllegalStateException("bug");
					}

				})));
	}

	private MockHttpServletResponse run(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
				throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new SQLException("Connection refused", "08001"));
			}

		}));
		return response;
	}

}

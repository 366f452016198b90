package dev.latchkey.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The bound on password hashes computed at once: the overflow is answered at once, not queued. */
class ThrottledSignInTest {

	private final Users users = mock(Users.class);

	private final SignInThrottle throttle = mock(SignInThrottle.class);

	private final CountDownLatch hashing = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	/** Hashes until released, as Argon2 under load would. */
	private final PasswordEncoder slowEncoder = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return "{noop}" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			ThrottledSignInTest.this.hashing.countDown();
			try {
				ThrottledSignInTest.this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return encoded.equals(raw.toString());
		}

	};

	@Test
	void aSignInBeyondTheHashingPermitsIsRefusedAtOnceAndNotCountedAsAFailure() throws Exception {
		when(this.users.findByEmail(anyString())).thenReturn(Optional.of(new User(new UserId(1), new TenantId(1),
				"ada@example.com", "Ada", "secret", Role.ADMIN, true, false, false, false)));
		ThrottledSignIn signIn = new ThrottledSignIn(new AccountUserDetailsService(this.users), this.slowEncoder,
				this.throttle, this.users, mock(AuditLog.class),
				new SignInThrottleProperties(Duration.ofMinutes(15), 20, 5, 100, Duration.ofSeconds(2), 1,
						Duration.ZERO),
				Clock.systemUTC());

		CompletableFuture<Authentication> first = CompletableFuture
			.supplyAsync(() -> signIn.authenticate(attempt("secret")));
		assertThat(this.hashing.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(SignInThrottledException.class).isThrownBy(() -> signIn.authenticate(attempt("guess")));
		verify(this.throttle, never()).failed(anyString(), any());

		this.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
		assertThat(signIn.authenticate(attempt("secret")).isAuthenticated()).isTrue();
	}

	private static Authentication attempt(String password) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated("ada@example.com",
				password);
		token.setDetails(new SignInClient("192.0.2.1", "test"));
		return token;
	}

}

package dev.latchkey.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.link.EmailLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * "Forgot password?" under a flood: requests wait in a bounded queue; beyond it they are dropped with a log line,
 * and the caller (the form's answer, always the same generic page) never waits for the queue.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetFloodTest {

	@Test
	void beyondTheQueueRequestsAreDroppedWithALogLineAndTheRestAreHandled(CapturedOutput output) throws Exception {
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger handled = new AtomicInteger();
		TransactionTemplate transaction = mock(TransactionTemplate.class);
		willAnswer((invocation) -> {
			busy.countDown();
			release.await(30, TimeUnit.SECONDS);
			handled.incrementAndGet();
			return null;
		}).given(transaction).executeWithoutResult(any());
		PasswordResetService service = new PasswordResetService(mock(Users.class), mock(EmailLinks.class),
				mock(PasswordResetThrottle.class), mock(Passwords.class), transaction,
				new PasswordResetProperties(Duration.ofMinutes(30), 3, 10, 5), Clock.systemUTC());
		try {
			service.requestReset("first@example.test", "203.0.113.1");
			assertThat(busy.await(30, TimeUnit.SECONDS)).as("the worker is busy with the first request").isTrue();

			for (int i = 0; i < 50; i++) {
				service.requestReset("flood-" + i + "@example.test", "203.0.113.2");
			}
			assertThat(output).contains("Too many password-reset requests waiting: 1 dropped so far");
			assertThat(output).doesNotContain("flood-");

			release.countDown();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (handled.get() < 6 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(handled).as("the first request and the five that found room in the queue").hasValue(6);
		}
		finally {
			release.countDown();
			service.finishQueuedRequests();
		}
	}

}

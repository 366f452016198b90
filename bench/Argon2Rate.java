import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * How many sign-ins a core can check: Argon2id verifications per second, on one thread and on every core at once.
 * The parameters are the application's (SecurityConfig.passwordEncoder()) unless given: SALT HASH PARALLELISM
 * MEMORY_KIB ITERATIONS. Prints "one-thread-per-second all-cores-per-second cores".
 *
 * <p>
 * java -cp CLASSPATH bench/Argon2Rate.java SECONDS [SALT HASH PARALLELISM MEMORY_KIB ITERATIONS]
 */
public class Argon2Rate {

	public static void main(String[] args) throws Exception {
		double seconds = Double.parseDouble(args[0]);
		Argon2PasswordEncoder encoder = (args.length >= 6)
				? new Argon2PasswordEncoder(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
						Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]))
				: Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		String hash = encoder.encode("correct horse battery staple");
		rate(encoder, hash, 1, seconds / 3); // warm-up
		int cores = Runtime.getRuntime().availableProcessors();
		double one = rate(encoder, hash, 1, seconds);
		double all = rate(encoder, hash, cores, seconds);
		System.out.printf("%.1f %.1f %d%n", one, all, cores);
	}

	private static double rate(Argon2PasswordEncoder encoder, String hash, int threads, double seconds)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long started = System.nanoTime();
		List<Future<Integer>> counts = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			counts.add(pool.submit(() -> {
				int n = 0;
				while (System.nanoTime() < deadline) {
					if (!encoder.matches("correct horse battery staple", hash)) {
						throw new IllegalStateException("no match");
					}
					n++;
				}
				return n;
			}));
		}
		int total = 0;
		for (Future<Integer> count : counts) {
			total += count.get();
		}
		pool.shutdown();
		return total / ((System.nanoTime() - started) / 1e9);
	}

}
